/**
 * The one place that reads `sender`. Only our own extension's contexts (its content scripts and
 * pages) may talk to the background; `sender.url` is never a trust signal (DESIGN §2).
 */
export function isOwnExtension(sender: { id?: string } | undefined, ownId: string = browser.runtime.id): boolean {
  return sender?.id !== undefined && sender.id === ownId;
}
