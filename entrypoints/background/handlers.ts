import { addNote, editNote, moveEntry, saveCompany, savePerson, setStage, setStatus, setTags } from '@/utils/db/actions';
import { cardData } from '@/utils/db/card-data';
import { recordExtraction } from '@/utils/db/site-health';
import type { Store } from '@/utils/db/store';
import { noticeJobChange } from '@/utils/sync/job-change';
import type { RequestOf, ResponseOf } from '@/utils/messaging/protocol';
import type { Request } from '@/utils/messaging/protocol';

/** What a handler may ask of the rest of the background. */
export interface BackgroundServices {
  store: Store;
  /** A local change happened: tell open cards and schedule a sync. */
  changed(): void;
  /** The card is showing this company: refresh its intel from the sync API when one is configured. */
  wantIntel(company: { key?: string; name?: string }): void;
  saveSettings(serverUrl: string, token: string, userName: string | undefined): Promise<void>;
  syncNow(): Promise<ResponseOf<'syncNow'>>;
  /** The sync server's view of who owns the person with these keys (cached); configured: false without one. */
  teamOwners(keys: string[]): Promise<ResponseOf<'teamOwners'>>;
}

type Handlers = { [T in Request['type']]: (req: RequestOf<T>, s: BackgroundServices) => Promise<ResponseOf<T>> };

export const handlers: Handlers = {
  ping: async () => ({ pong: true }),
  lookup: async (req, s) => {
    const data = await cardData(s.store, req.target, { person: req.person, company: req.company });
    // After the answer, never before it: a saved person whose page shows a new job (issue 7).
    if (data.person && req.person && !req.target.subpage) {
      const [saved, page] = [data.person, req.person];
      setTimeout(() => void noticeJobChange(s.store, saved, page).then((changed) => changed && s.changed()), 0);
    }
    if (req.target.kind === 'company') s.wantIntel({ key: req.target.key, name: data.company?.name ?? req.company?.name });
    else if (data.person?.companyName || req.person?.companyName)
      s.wantIntel({
        key: data.person?.companyKey ?? req.person?.companyKey,
        name: data.person?.companyName ?? req.person?.companyName,
      });
    return data;
  },
  savePerson: async (req, s) => {
    const personId = await savePerson(s.store, req.target, req.person);
    s.changed();
    return { personId };
  },
  saveCompany: async (req, s) => {
    const companyId = await saveCompany(s.store, req.target, req.company);
    s.changed();
    return { companyId };
  },
  addNote: async (req, s) => {
    const noteId = await addNote(s.store, req.subject, req.body);
    s.changed();
    return { noteId };
  },
  editNote: async (req, s) => {
    const noteId = await editNote(s.store, req.noteId, req.body);
    s.changed();
    return { noteId };
  },
  setStatus: async (req, s) => {
    await setStatus(s.store, req.personId, req.status);
    s.changed();
    return { personId: req.personId };
  },
  setTags: async (req, s) => {
    await setTags(s.store, req.personId, req.tags);
    s.changed();
    return { saved: true };
  },
  setStage: async (req, s) => {
    const entryId = await setStage(s.store, req.subject, req.pipelineId, req.stageId);
    s.changed();
    return { entryId };
  },
  moveEntry: async (req, s) => {
    const entryId = await moveEntry(s.store, req.entryId, req.stageId);
    s.changed();
    return { entryId };
  },
  saveSettings: async (req, s) => {
    await s.saveSettings(req.serverUrl, req.token, req.userName);
    return { saved: true };
  },
  syncNow: async (_req, s) => s.syncNow(),
  teamOwners: async (req, s) => s.teamOwners(req.keys),
  localChanges: async (_req, s) => {
    s.changed();
    return { noted: true };
  },
  reportExtraction: async (req, s) => {
    await recordExtraction(s.store.db, req);
    return { recorded: true };
  },
};
