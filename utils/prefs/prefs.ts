import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * Preferences that content scripts need. They live in extension storage (not the database, which
 * a content script cannot open, and never the site's own localStorage).
 */
export const Prefs = z.object({
  /** Sites where the user turned the in-page card off ("linkedin", "maimai", "github"). */
  disabledSites: z.array(z.string()).default([]),
  /** Undefined: follow the browser. */
  language: z.enum(['en', 'zh-CN']).optional(),
  cardCollapsed: z.boolean().default(false),
});
export type Prefs = z.infer<typeof Prefs>;

export const prefsItem = storage.defineItem<unknown>('local:prefs', { fallback: {} });

/** Stored prefs, parsed: a malformed value falls back to the defaults instead of breaking the card. */
export async function loadPrefs(): Promise<Prefs> {
  return parsePrefs(await prefsItem.getValue());
}

export function parsePrefs(raw: unknown): Prefs {
  const parsed = Prefs.safeParse(raw);
  return parsed.success ? parsed.data : Prefs.parse({});
}

export async function updatePrefs(change: Partial<Prefs>): Promise<Prefs> {
  const next = { ...(await loadPrefs()), ...change };
  await prefsItem.setValue(next);
  return next;
}
