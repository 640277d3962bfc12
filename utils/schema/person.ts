import { z } from 'zod';
import { ProfileKey, RecordBase, Text } from './base';

export const PERSON_STATUSES = ['active', 'passive', 'not_interested', 'placed', 'do_not_contact'] as const;
export const PersonStatus = z.enum(PERSON_STATUSES);

export const Person = RecordBase.extend({
  name: Text(200).min(1, 'name is required'),
  headline: Text(500).optional(),
  location: Text(200).optional(),
  companyName: Text(200).optional(),
  /** Profile key of the current company's page, when the profile links to it. */
  companyKey: ProfileKey.optional(),
  profileKeys: z.array(ProfileKey).min(1, 'a person needs at least one profile key'),
  profileUrl: z.url({ protocol: /^https?$/, error: 'profileUrl must be an http(s) URL' }),
  status: PersonStatus.default('active'),
  tags: z.array(Text(60).min(1)).max(50).default([]),
  ownerId: Text(200).optional(),
});
export type Person = z.infer<typeof Person>;
export type PersonStatus = z.infer<typeof PersonStatus>;
