import { z } from 'zod';
import { ProfileKey, RecordBase, Text, Timestamp } from './base';

export const PERSON_STATUSES = ['active', 'passive', 'not_interested', 'placed', 'do_not_contact'] as const;
export const PersonStatus = z.enum(PERSON_STATUSES);

export const Person = RecordBase.extend({
  name: Text(200).min(1, 'name is required'),
  headline: Text(500).optional(),
  location: Text(200).optional(),
  companyName: Text(200).optional(),
  /** Profile key of the current company's page, when the profile links to it. */
  companyKey: ProfileKey.optional(),
  /** Empty only for people imported from a file that had no profile URL (LinkedIn's 2018 export). */
  profileKeys: z.array(ProfileKey).max(20).default([]),
  profileUrl: z.url({ protocol: /^https?$/, error: 'profileUrl must be an http(s) URL' }).optional(),
  emails: z.array(z.email({ error: 'emails must be e-mail addresses' }).max(254)).max(20).default([]),
  phones: z.array(Text(40).min(1)).max(20).default([]),
  /** When the user connected with this person on LinkedIn (from an imported Connections.csv). */
  connectedAt: Timestamp.optional(),
  status: PersonStatus.default('active'),
  tags: z.array(Text(60).min(1)).max(50).default([]),
  ownerId: Text(200).optional(),
});
export type Person = z.infer<typeof Person>;
export type PersonStatus = z.infer<typeof PersonStatus>;
