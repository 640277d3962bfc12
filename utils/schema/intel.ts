import { z } from 'zod';
import { ProfileKey, Text } from './base';

export const INTEL_TYPES = ['funding', 'product', 'hiring', 'layoff', 'leadership', 'event', 'news'] as const;
export const IntelType = z.enum(INTEL_TYPES);

/** Company intel is served by the sync API; the extension caches it read-only. */
export const IntelItem = z.object({
  id: z.string().min(1).max(64),
  companyName: Text(200).min(1, 'companyName is required'),
  companyKey: ProfileKey.optional(),
  type: IntelType,
  title: Text(500).min(1, 'title is required'),
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }),
  publishedAt: z.iso.datetime({ offset: true, error: 'publishedAt must be an ISO 8601 date-time' }),
  summary: Text(2000).optional(),
  source: Text(200).optional(),
  /** As written in the story: "数千万元", "10亿元", "$20M". */
  amount: Text(60).min(1).optional(),
  /** Funding round: "Seed", "Pre-A", "Series B2", "IPO"… */
  round: Text(40).min(1).optional(),
});
export type IntelItem = z.infer<typeof IntelItem>;

/** What `intel import` reads: the same fields without the id, which the server assigns. */
export const IntelImportItem = IntelItem.omit({ id: true });
export type IntelImportItem = z.infer<typeof IntelImportItem>;
