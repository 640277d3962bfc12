import { pinyin } from 'pinyin-pro';
import { ulid } from 'ulidx';
import { DEFAULT_PIPELINES } from '../db/default-pipelines';
import type { Pipeline, Stage } from '../schema';

export type PipelineKind = Pipeline['kind'];

/** A pipeline to start from (DESIGN §1): the default pipelines' stages, plus what each kind implies. */
export interface PipelineTemplate {
  kind: PipelineKind;
  name: string;
  stages: Stage[];
  /** Referral (内推): every entry records who referred the candidate. */
  recordsReferrer: boolean;
}

/** One template per kind, taken from the seeded default pipelines so the two never disagree. */
export const PIPELINE_TEMPLATES: readonly PipelineTemplate[] = DEFAULT_PIPELINES.map((p) => ({
  kind: p.kind,
  name: p.name,
  stages: p.stages.map((s) => ({ ...s })),
  recordsReferrer: p.kind === 'referral',
}));

export function templateFor(kind: PipelineKind): PipelineTemplate {
  const found = PIPELINE_TEMPLATES.find((t) => t.kind === kind);
  if (!found) throw new Error(`no pipeline template for kind ${kind}`);
  return found;
}

export function recordsReferrer(pipeline: Pick<Pipeline, 'kind'>): boolean {
  return pipeline.kind === 'referral';
}

const SLUG_MAX = 40;

/**
 * A stage id from its name: `Phone screen` → `phone-screen`, `电话面试` → `dianhuamianshi` (stage
 * ids must be ASCII slugs), unique among `taken` by a numeric suffix. Ids never change after
 * creation, so renaming a stage keeps its entries and their history.
 */
export function stageSlug(name: string, taken: ReadonlySet<string>): string {
  const spelled = /\p{Script=Han}/u.test(name) ? pinyin(name, { toneType: 'none', nonZh: 'consecutive', separator: '', v: true }) : name;
  const base =
    spelled
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, SLUG_MAX - 4)
      .replace(/-+$/, '') || 'stage';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** The fields of a new pipeline (for applyLocalChange) and its new id. */
export function newPipelineFields(
  template: PipelineTemplate,
  options: { name?: string; now: number },
): { id: string; fields: Omit<Pipeline, 'id' | 'updatedAt'> } {
  return {
    id: ulid(options.now),
    fields: {
      name: options.name?.trim() || template.name,
      kind: template.kind,
      stages: template.stages.map((s) => ({ ...s })),
      archived: false,
      createdAt: options.now,
      deleted: false,
    },
  };
}

/** A pipeline with one stage, to build from scratch (a pipeline needs at least one stage). */
export const BLANK_TEMPLATE: PipelineTemplate = {
  kind: 'recruiting',
  name: 'New pipeline',
  stages: [{ id: 'new', name: 'New' }],
  recordsReferrer: false,
};

/** The template with its stages named in the user's language; ids stay, so every device agrees on them. */
export function localizedTemplate(template: PipelineTemplate, stageNames: Readonly<Record<string, string>>): PipelineTemplate {
  return { ...template, stages: template.stages.map((s) => ({ ...s, name: stageNames[s.id] ?? s.name })) };
}
