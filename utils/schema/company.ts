import { z } from 'zod';
import { ProfileKey, RecordBase, Text } from './base';

export const Company = RecordBase.extend({
  name: Text(200).min(1, 'name is required'),
  industry: Text(200).optional(),
  profileKeys: z.array(ProfileKey).min(1, 'a company needs at least one profile key'),
  profileUrl: z.url({ protocol: /^https?$/, error: 'profileUrl must be an http(s) URL' }).optional(),
});
export type Company = z.infer<typeof Company>;
