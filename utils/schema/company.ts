import { z } from 'zod';
import { ProfileKey, RecordBase, Text } from './base';

export const Company = RecordBase.extend({
  name: Text(200).min(1, 'name is required'),
  /** The full registered name when the site shows it apart from the usual one (字节跳动 / 北京字节跳动科技有限公司). */
  legalName: Text(300).optional(),
  industry: Text(200).optional(),
  profileKeys: z.array(ProfileKey).min(1, 'a company needs at least one profile key'),
  profileUrl: z.url({ protocol: /^https?$/, error: 'profileUrl must be an http(s) URL' }).optional(),
  /** The company's own site: intel is matched to it by the article's domain. */
  website: z.url({ protocol: /^https?$/, error: 'website must be an http(s) URL' }).optional(),
});
export type Company = z.infer<typeof Company>;
