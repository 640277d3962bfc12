/** One `<option>` per pipeline or stage: its id as the value, its name as the label. */
export function NamedOptions({ items = [] }: { items: readonly { id: string; name: string }[] | undefined }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}
