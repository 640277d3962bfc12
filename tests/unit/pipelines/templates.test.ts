import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { isOpenStage, isSideStage, mainStages, newPipelineFields, PIPELINE_TEMPLATES, stageSlug, templateFor } from '@/utils/pipelines';
import { Pipeline } from '@/utils/schema';

describe('pipeline templates', () => {
  it('are the default pipelines, one per kind, and only Referral records a referrer', () => {
    expect(PIPELINE_TEMPLATES.map((t) => [t.kind, t.stages])).toEqual(DEFAULT_PIPELINES.map((p) => [p.kind, p.stages]));
    expect(PIPELINE_TEMPLATES.filter((t) => t.recordsReferrer).map((t) => t.kind)).toEqual(['referral']);
    expect(templateFor('referral').stages.every((s) => typeof s.points === 'number')).toBe(true);
  });

  it('produce valid pipelines with new ids, not sharing the template’s stage objects', () => {
    const a = newPipelineFields(templateFor('sales'), { now: 1_763_700_000_000 });
    const b = newPipelineFields(templateFor('sales'), { name: 'EMEA', now: 1_763_700_000_000 });
    expect(a.id).not.toBe(b.id);
    expect(b.fields.name).toBe('EMEA');
    expect(Pipeline.safeParse({ ...a.fields, id: a.id, updatedAt: '000001763700000:00000:x' }).success).toBe(true);
    a.fields.stages[0]!.name = 'changed';
    expect(templateFor('sales').stages[0]!.name).toBe('Target');
  });

  it('make stage slugs that the schema accepts, unique among the taken ones', () => {
    const taken = new Set(['offer']);
    for (const name of ['Offer', '终面 Final', 'Ünïcödé stage', '🎉', 'a'.repeat(80), '2nd interview']) {
      const slug = stageSlug(name, taken);
      expect(slug).toMatch(/^[a-z0-9][a-z0-9_-]{0,39}$/);
      expect(taken.has(slug)).toBe(false);
      taken.add(slug);
    }
    expect(stageSlug('Offer', new Set(['offer', 'offer-2']))).toBe('offer-3');
    expect(stageSlug('终面', new Set())).toBe('zhongmian');
  });
});

describe('stages', () => {
  const [recruiting, , sales] = DEFAULT_PIPELINES;
  it('treat Lost as a side stage, and the last main stage and side stages as closed', () => {
    expect(mainStages(sales!).map((s) => s.id)).toEqual(['target', 'contacted', 'meeting', 'proposal', 'won']);
    expect(isSideStage({ id: 'x', name: 'X', side: true } as never)).toBe(true);
    expect(isSideStage({ id: 'lost', name: 'Lost', side: false } as never)).toBe(false);
    expect(isOpenStage(sales!, 'proposal')).toBe(true);
    expect(isOpenStage(sales!, 'won')).toBe(false);
    expect(isOpenStage(sales!, 'lost')).toBe(false);
    expect(isOpenStage(recruiting!, 'hired')).toBe(true);
    expect(isOpenStage(recruiting!, 'probation-passed')).toBe(false);
    expect(isOpenStage(recruiting!, 'ghost')).toBe(false);
  });
});
