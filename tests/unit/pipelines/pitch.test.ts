import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { jobTitleOf, nameParts, renderPitch, STARTER_PITCHES, templateVariables } from '@/utils/pipelines';

const REFERRAL = DEFAULT_PIPELINES[1]!;

describe('nameParts', () => {
  it('splits Western names, leaving out honorifics, pronouns and credentials', () => {
    expect(nameParts('Jane Doe')).toEqual({ firstName: 'Jane', lastName: 'Doe', fullName: 'Jane Doe' });
    expect(nameParts('Dr. José García López, PhD')).toEqual({ firstName: 'José', lastName: 'López', fullName: 'José García López' });
    expect(nameParts('Sam Lee (they/them)')).toMatchObject({ firstName: 'Sam', lastName: 'Lee' });
    expect(nameParts('Cher')).toEqual({ firstName: 'Cher', lastName: '', fullName: 'Cher' });
  });

  it('greets a Chinese contact by the full name, with the surname as last name', () => {
    expect(nameParts('张伟')).toEqual({ firstName: '张伟', lastName: '张', fullName: '张伟' });
    expect(nameParts('欧阳娜娜')).toEqual({ firstName: '欧阳娜娜', lastName: '欧阳', fullName: '欧阳娜娜' });
    expect(nameParts('张 伟')).toMatchObject({ firstName: '张伟', fullName: '张伟' });
    expect(nameParts('张伟', '伟')).toMatchObject({ firstName: '伟', lastName: '张' });
    expect(nameParts('约翰·史密斯')).toEqual({ firstName: '约翰', lastName: '史密斯', fullName: '约翰·史密斯' });
  });
});

describe('jobTitleOf', () => {
  it('takes the title out of a headline', () => {
    expect(jobTitleOf('Senior Engineer at Acme | ex-Google')).toBe('Senior Engineer');
    expect(jobTitleOf('VP, Engineering @ Globex')).toBe('VP, Engineering');
    expect(jobTitleOf('字节跳动 · 算法工程师', '字节跳动')).toBe('算法工程师');
    expect(jobTitleOf('Data Scientist - Hooli')).toBe('Data Scientist');
    expect(jobTitleOf(undefined)).toBe('');
  });

  it('reads Chinese headlines: full-width bars, and the company written before the title', () => {
    expect(jobTitleOf('字节跳动 高级技术招聘经理｜专注 AI 与基础架构人才', '字节跳动')).toBe('高级技术招聘经理');
    expect(jobTitleOf('腾讯丨产品总监', '腾讯')).toBe('产品总监');
    expect(jobTitleOf('高级工程师；开源爱好者')).toBe('高级工程师');
    // A title that merely starts like the company's name is left whole.
    expect(jobTitleOf('Acme-certified trainer', 'Acme')).toBe('Acme-certified trainer');
  });
});

describe('renderPitch', () => {
  const ctx = {
    person: { name: 'Jane Doe', headline: 'Staff Engineer at Globex', companyName: 'Globex' },
    entry: { stageId: 'applied', referrer: 'Li Wei' },
    pipeline: REFERRAL,
    myName: 'Sarah',
  };

  it('fills every variable from the record', () => {
    const r = renderPitch('Hi {{firstName}} {{lastName}} ({{fullName}}), {{jobTitle}} at {{company}}; {{referrer}} referred you; stage {{stage}} of {{pipeline}}. — {{myName}}', ctx);
    expect(r).toEqual({
      text: 'Hi Jane Doe (Jane Doe), Staff Engineer at Globex; Li Wei referred you; stage Applied of Referral 内推. — Sarah',
      missing: [],
      unknown: [],
    });
  });

  it('accepts spaces, any case and Chinese names for variables', () => {
    expect(renderPitch('{{ FirstName }}，{{公司}}的{{职位}}，推荐人{{推荐人}}', ctx).text).toBe('Jane，Globex的Staff Engineer，推荐人Li Wei');
  });

  it('leaves unknown variables visible and lists them, and lists missing values', () => {
    const r = renderPitch('Hi {{firstName}}, {{foo}} at {{company}} via {{referrer}} {{ bar }}', { person: { name: 'Cher' } });
    expect(r.text).toBe('Hi Cher, {{foo}} at  via  {{ bar }}');
    expect(r.unknown).toEqual(['foo', 'bar']);
    expect(r.missing).toEqual(['company', 'referrer']);
  });

  it('leaves text without placeholders alone, and never produces a placeholder from values (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 20 }), (body, name) => {
        fc.pre(!body.includes('{{') && name.trim().length > 0);
        expect(renderPitch(body, { person: { name } }).text).toBe(body);
        const r = renderPitch('{{fullName}}', { person: { name: `{{${name}}}` } });
        expect(r.unknown).toEqual([]);
      }),
    );
  });

  it('lists the variables a template uses', () => {
    expect(templateVariables('{{firstName}} {{x}} {{firstName}} {{公司}}')).toEqual({ known: ['firstName', 'company'], unknown: ['x'] });
  });

  it('ships starter templates that use only known variables', () => {
    for (const list of Object.values(STARTER_PITCHES))
      for (const t of list) expect(templateVariables(t.body).unknown).toEqual([]);
  });
});
