/** Put text on the clipboard; extension pages may, on a click, without a permission prompt. */
export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('no clipboard here');
  await navigator.clipboard.writeText(text);
}
