/** Profile links as list items, shown without the scheme, `www.` and trailing slash. */
export function LinkItems({ links }: { links: readonly string[] }) {
  return links.map((href) => (
    <li key={href}>
      <a href={href} target="_blank" rel="noopener noreferrer">
        {href.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
      </a>
    </li>
  ));
}
