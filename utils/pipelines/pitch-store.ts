import { ulid } from 'ulidx';
import { z } from 'zod';
import type { PitchRow, ScoutbookDb } from '../db/database';
import { describeZodError, type Pipeline } from '../schema';
import { PipelineEditError } from './edit';
import { STARTER_PITCHES, type PitchTemplateDraft } from './pitch';

/** What a user may type into a template; checked before anything is written. */
export const PitchDraft = z.object({
  name: z.string().trim().min(1, 'a template needs a name').max(80, 'a template name has at most 80 characters'),
  body: z.string().trim().min(1, 'a template needs a text').max(5000, 'a template has at most 5,000 characters'),
});

function cleanDraft(draft: PitchTemplateDraft): PitchTemplateDraft {
  const parsed = PitchDraft.safeParse(draft);
  if (!parsed.success) throw new PipelineEditError(describeZodError(parsed.error));
  return parsed.data;
}

/** A pipeline's templates, oldest first (the first one is what a board card's Copy uses). */
export async function pitchesOf(db: ScoutbookDb, pipelineId: string): Promise<PitchRow[]> {
  const rows = await db.pitches.where('pipelineId').equals(pipelineId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function createPitch(db: ScoutbookDb, pipelineId: string, draft: PitchTemplateDraft, now = Date.now()): Promise<string> {
  const clean = cleanDraft(draft);
  return db.transaction('rw', db.pipelines, db.pitches, async () => {
    const pipeline = await db.pipelines.get(pipelineId);
    if (!pipeline || pipeline.deleted) throw new PipelineEditError('no such pipeline');
    const id = ulid(now);
    await db.pitches.add({ id, pipelineId, ...clean, createdAt: now, updatedAt: now });
    return id;
  });
}

export async function updatePitch(db: ScoutbookDb, id: string, draft: PitchTemplateDraft, now = Date.now()): Promise<void> {
  const clean = cleanDraft(draft);
  await db.transaction('rw', db.pitches, async () => {
    const row = await db.pitches.get(id);
    if (!row) throw new PipelineEditError('this template was deleted');
    await db.pitches.put({ ...row, ...clean, updatedAt: now });
  });
}

export async function deletePitch(db: ScoutbookDb, id: string): Promise<void> {
  await db.pitches.delete(id);
}

/** The starter templates of the pipeline's kind, added once: a pipeline that has templates is left alone. */
export async function addStarterPitches(db: ScoutbookDb, pipeline: Pick<Pipeline, 'id' | 'kind'>, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.pipelines, db.pitches, async () => {
    if ((await db.pitches.where('pipelineId').equals(pipeline.id).count()) > 0) return 0;
    const starters = STARTER_PITCHES[pipeline.kind];
    // One millisecond apart, so that their order is the starters' order.
    for (const [i, draft] of starters.entries()) await createPitch(db, pipeline.id, draft, now + i);
    return starters.length;
  });
}
