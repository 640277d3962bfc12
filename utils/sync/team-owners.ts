import type { TeamOwner } from '../messaging/protocol';
import type { KeyOwners } from './protocol';

/**
 * The server's answer for a person's keys, as the card and the popup show it: one line per live
 * pipeline entry (an entry found under two keys once), newest first, with whether it is this
 * user's (`me`: their owner ids, lower-cased).
 */
export function teamOwnersOf(answers: readonly KeyOwners[], me: ReadonlySet<string>): TeamOwner[] {
  const seen = new Set<string>();
  const out: (TeamOwner & { updatedAt: string })[] = [];
  for (const answer of answers) {
    for (const e of answer.entries) {
      if (seen.has(e.entryId)) continue;
      seen.add(e.entryId);
      const owner = e.ownerId ?? '';
      out.push({
        entryId: e.entryId,
        owner,
        pipelineName: e.pipelineName ?? '',
        stageName: e.stageName ?? e.stageId,
        mine: owner !== '' && me.has(owner.toLowerCase()),
        updatedAt: e.updatedAt,
      });
    }
  }
  return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)).map(({ updatedAt: _u, ...o }) => o);
}
