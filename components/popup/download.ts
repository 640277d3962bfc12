/** Save text as a file through the browser's download flow (works in the popup and in a tab). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; keep it alive briefly for slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
