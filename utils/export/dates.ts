const pad = (n: number) => String(n).padStart(2, '0');

/** Local calendar day, "2024-05-30". */
export function formatLocalDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local wall-clock time, "2024-05-30 14:05": what Excel and LibreOffice read back as a date from text. */
export function formatLocalDate(d: Date): string {
  return `${formatLocalDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
