import { describe, expect, it } from 'vitest';
import { joinName, mapRow, rowWidth } from '@/utils/import/map-rows';
import { normaliseHeader, pickPreset } from '@/utils/import/presets';

describe('pickPreset', () => {
  it('tells the 2024 Connections.csv from the 2018 one by its URL column', () => {
    const y2024 = pickPreset(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(y2024.preset.id).toBe('linkedin-connections-2024');
    expect(y2024.mapping).toEqual({ firstName: 0, lastName: 1, profileUrl: 2, email: 3, company: 4, headline: 5, connectedOn: 6 });
    const y2018 = pickPreset(['First Name', 'Last Name', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(y2018.preset.id).toBe('linkedin-connections-2018');
    expect(y2018.mapping.profileUrl).toBeUndefined();
  });

  it('recognises the Recruiter import template and the Talent Hub export', () => {
    const recruiter = pickPreset(['First name*', 'Last name*', 'Email*', 'Phone number', 'Job title', 'Company', 'Location', 'Pipeline stage', 'Note', 'Note visibility', 'Tags']);
    expect(recruiter.preset.id).toBe('linkedin-recruiter');
    expect(recruiter.mapping).toMatchObject({ email: 2, phone: 3, headline: 4, stage: 7, note: 8, noteVisibility: 9, tags: 10 });
    const hub = pickPreset(['candidate_id', 'project_id', 'first_name', 'last_name', 'emails', 'phone_numbers', 'tags', 'profile_url', 'created_time']);
    expect(hub.preset.id).toBe('linkedin-talent-hub');
    expect(hub.mapping).toEqual({ firstName: 2, lastName: 3, email: 4, phone: 5, tags: 6, profileUrl: 7 });
  });

  it('maps other files by English and Chinese header names', () => {
    const zh = pickPreset(['姓名', '公司名称', '职位', '所在城市', '邮箱', '手机号码', '个人主页', '备注', '标签']);
    expect(zh.preset.id).toBe('generic');
    expect(zh.mapping).toEqual({ fullName: 0, company: 1, headline: 2, location: 3, email: 4, phone: 5, profileUrl: 6, note: 7, tags: 8 });
    const en = pickPreset(['Full Name', 'Title', 'Organisation', 'City', 'E-mail', 'Mobile', 'LinkedIn URL', 'Comments', 'Labels', 'Referred by']);
    expect(en.mapping).toEqual({ fullName: 0, headline: 1, company: 2, location: 3, email: 4, phone: 5, profileUrl: 6, note: 7, tags: 8, referrer: 9 });
    // Our own export reads back in.
    const ours = pickPreset(['Name', 'Headline', 'Company', 'Location', 'Profile URL', 'Status', 'Pipeline', 'Stage', 'Tags', 'Last note']);
    expect(ours.mapping).toMatchObject({ fullName: 0, headline: 1, company: 2, location: 3, profileUrl: 4, stage: 7, tags: 8, note: 9 });
  });

  it('normalises headers: full-width, case, underscores, required-field stars', () => {
    expect(normaliseHeader('\uFEFF First_Name* ')).toBe('first name');
    expect(normaliseHeader('ＥＭＡＩＬ')).toBe('email');
    expect(normaliseHeader('电话（手机）')).toBe('电话手机');
  });
});

describe('mapRow', () => {
  const header = ['First Name', 'Last Name', 'Email', 'Tags'];
  const { mapping } = pickPreset(header);
  const width = rowWidth(header);

  it('joins names, splits lists and trims cells', () => {
    expect(mapRow({ line: 9, cells: [' Ada ', 'Lovelace', 'a@x.org; A@x.org;a@x.org', 'math, 分析、history'] }, mapping, width)).toEqual({
      line: 9,
      name: 'Ada Lovelace',
      emails: ['a@x.org', 'A@x.org'],
      phones: [],
      tags: ['math', '分析', 'history'],
    });
  });

  it('writes Chinese names family name first, without a space', () => {
    expect(joinName('伟', '张')).toBe('张伟');
    expect(joinName('Wei', 'Zhang')).toBe('Wei Zhang');
    expect(joinName('', 'Cher')).toBe('Cher');
  });

  it('marks ragged rows and NULs, but accepts a trailing empty field', () => {
    expect(mapRow({ line: 2, cells: ['Ada', 'L', 'a@x.org'] }, mapping, width).defect).toBe('ragged row: 3 fields where the header has 4');
    expect(mapRow({ line: 2, cells: ['Ada', 'L', '', '', 'extra'] }, mapping, width).defect).toBe('ragged row: 5 fields where the header has 4');
    expect(mapRow({ line: 2, cells: ['Ada', 'L', '', '', ''] }, mapping, width).defect).toBeUndefined();
    expect(mapRow({ line: 2, cells: ['Ada', 'L\u0000', '', ''] }, mapping, width).defect).toBe('field 2 contains a NUL character (the file may be damaged)');
  });
});
