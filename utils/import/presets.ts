/**
 * Column-mapping presets: which column of an imported file holds which person field. Known
 * exports (LinkedIn Connections 2018/2024, Recruiter, Talent Hub) are recognised by their exact
 * headers; anything else is mapped by header names in English and Chinese.
 */

export const IMPORT_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'headline',
  'company',
  'location',
  'email',
  'phone',
  'profileUrl',
  'note',
  'noteVisibility',
  'tags',
  'stage',
  'referrer',
  'connectedOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index of each mapped field. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export type PresetId =
  | 'linkedin-connections-2024'
  | 'linkedin-connections-2018'
  | 'linkedin-recruiter'
  | 'linkedin-talent-hub'
  | 'generic';

export interface Preset {
  id: PresetId;
  label: string;
  /** Normalised header → field. */
  columns: Record<string, ImportField>;
  /** Every one of these headers must be present. */
  required: string[];
  /** None of these may be present (tells the 2018 export from the 2024 one). */
  absent?: string[];
}

/** Trim, NFKC (full-width → ASCII), lower-case; `first_name`, `First Name*` and `First-name` all match. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[_\-.\s]+/g, ' ')
    .replace(/[*:：()（）]+/g, '')
    .trim();
}

const CONNECTIONS = {
  'first name': 'firstName',
  'last name': 'lastName',
  url: 'profileUrl',
  'email address': 'email',
  company: 'company',
  position: 'headline',
  'connected on': 'connectedOn',
} as const satisfies Record<string, ImportField>;

export const PRESETS: Preset[] = [
  {
    id: 'linkedin-connections-2024',
    label: 'LinkedIn Connections.csv (2019 and later)',
    columns: CONNECTIONS,
    required: ['first name', 'last name', 'url', 'connected on'],
  },
  {
    id: 'linkedin-connections-2018',
    label: 'LinkedIn Connections.csv (2018, no profile URLs)',
    columns: CONNECTIONS,
    required: ['first name', 'last name', 'email address', 'company', 'position', 'connected on'],
    absent: ['url'],
  },
  {
    // LinkedIn Help a412243, "Import candidates into a project": the columns in this order.
    id: 'linkedin-recruiter',
    label: 'LinkedIn Recruiter candidate import',
    columns: {
      'first name': 'firstName',
      'last name': 'lastName',
      email: 'email',
      'phone number': 'phone',
      'job title': 'headline',
      company: 'company',
      location: 'location',
      'pipeline stage': 'stage',
      note: 'note',
      'note visibility': 'noteVisibility',
      tags: 'tags',
    },
    required: ['first name', 'last name', 'email'],
  },
  {
    // LinkedIn Help a526782, Talent Hub export.zip → Candidates.csv.
    id: 'linkedin-talent-hub',
    label: 'LinkedIn Talent Hub Candidates.csv',
    columns: {
      'first name': 'firstName',
      'last name': 'lastName',
      emails: 'email',
      'phone numbers': 'phone',
      tags: 'tags',
      'profile url': 'profileUrl',
      headline: 'headline',
      location: 'location',
    },
    required: ['first name', 'last name', 'profile url', 'emails'],
  },
];

/** Header names seen in CRMs, ATSs and hand-made sheets, English and Chinese. Exact matches. */
const SYNONYMS: Record<string, ImportField> = {
  name: 'fullName',
  'full name': 'fullName',
  'candidate name': 'fullName',
  'contact name': 'fullName',
  candidate: 'fullName',
  姓名: 'fullName',
  名字: 'fullName',
  全名: 'fullName',
  候选人: 'fullName',
  联系人: 'fullName',
  'first name': 'firstName',
  firstname: 'firstName',
  'given name': 'firstName',
  名: 'firstName',
  'last name': 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  'family name': 'lastName',
  姓: 'lastName',
  headline: 'headline',
  title: 'headline',
  'job title': 'headline',
  position: 'headline',
  role: 'headline',
  'current title': 'headline',
  company: 'company',
  'company name': 'company',
  'current company': 'company',
  organization: 'company',
  organisation: 'company',
  employer: 'company',
  account: 'company',
  location: 'location',
  city: 'location',
  region: 'location',
  email: 'email',
  emails: 'email',
  'e mail': 'email',
  'email address': 'email',
  'work email': 'email',
  mail: 'email',
  phone: 'phone',
  phones: 'phone',
  'phone number': 'phone',
  'phone numbers': 'phone',
  mobile: 'phone',
  tel: 'phone',
  telephone: 'phone',
  url: 'profileUrl',
  'profile url': 'profileUrl',
  'profile urls': 'profileUrl',
  'linkedin url': 'profileUrl',
  linkedin: 'profileUrl',
  'linkedin profile': 'profileUrl',
  profile: 'profileUrl',
  link: 'profileUrl',
  note: 'note',
  notes: 'note',
  'last note': 'note',
  comment: 'note',
  comments: 'note',
  remark: 'note',
  remarks: 'note',
  'note visibility': 'noteVisibility',
  tags: 'tags',
  tag: 'tags',
  labels: 'tags',
  stage: 'stage',
  'pipeline stage': 'stage',
  阶段: 'stage',
  referrer: 'referrer',
  'referred by': 'referrer',
  推荐人: 'referrer',
  内推人: 'referrer',
  'connected on': 'connectedOn',
};

/** Chinese headers vary ("手机号码", "所在城市", "公司名称"): a keyword anywhere in the header. */
const KEYWORDS: [RegExp, ImportField][] = [
  [/姓名|名字/, 'fullName'],
  [/邮箱|邮件/, 'email'],
  [/手机|电话/, 'phone'],
  [/公司|单位|企业/, 'company'],
  [/职位|职务|岗位|头衔/, 'headline'],
  [/城市|地点|地区|所在地/, 'location'],
  [/链接|主页|领英/, 'profileUrl'],
  [/备注|评论|说明/, 'note'],
  [/标签/, 'tags'],
  [/推荐人/, 'referrer'],
  [/linkedin/, 'profileUrl'],
];

/** Keywords only apply to what looks like a header: a data cell holding a LinkedIn URL is not one. */
const HEADER_LIKE = /^[^:/@]{1,24}$/;

function genericField(normalised: string): ImportField | undefined {
  return SYNONYMS[normalised] ?? (HEADER_LIKE.test(normalised) ? KEYWORDS.find(([re]) => re.test(normalised))?.[1] : undefined);
}

/** Map by synonyms; the first column claiming a field wins, as a person reads left to right. */
export function genericMapping(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  header.forEach((h, i) => {
    const field = genericField(normaliseHeader(h));
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  return mapping;
}

function presetMapping(preset: Preset, header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  header.forEach((h, i) => {
    const field = preset.columns[normaliseHeader(h)];
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  return mapping;
}

function presetApplies(preset: Preset, normalised: Set<string>): boolean {
  return preset.required.every((h) => normalised.has(h)) && !(preset.absent ?? []).some((h) => normalised.has(h));
}

export const GENERIC_PRESET: Preset = { id: 'generic', label: 'Other file (columns matched by name)', columns: SYNONYMS, required: [] };

export interface PickedPreset {
  preset: Preset;
  mapping: ColumnMapping;
}

/** A known export with extra columns (a user's added "Tags" or "备注") still gets those mapped. */
function withExtras(mapping: ColumnMapping, header: string[]): ColumnMapping {
  const extra = genericMapping(header);
  const used = new Set(Object.values(mapping));
  for (const [field, index] of Object.entries(extra) as [ImportField, number][]) {
    if (mapping[field] === undefined && !used.has(index)) mapping[field] = index;
  }
  return mapping;
}

/** The most specific preset whose headers the file has; `generic` otherwise. */
export function pickPreset(header: string[]): PickedPreset {
  const normalised = new Set(header.map(normaliseHeader));
  let best: PickedPreset | undefined;
  let bestScore = 0;
  for (const preset of PRESETS) {
    if (!presetApplies(preset, normalised)) continue;
    const mapping = presetMapping(preset, header);
    const score = Object.keys(mapping).length;
    if (score > bestScore) {
      best = { preset, mapping };
      bestScore = score;
    }
  }
  if (best) return { preset: best.preset, mapping: withExtras(best.mapping, header) };
  return { preset: GENERIC_PRESET, mapping: genericMapping(header) };
}

export const ALL_PRESETS: readonly Preset[] = [...PRESETS, GENERIC_PRESET];

/**
 * The mapping a preset the user picked gives this header. A preset whose columns the file does not
 * have maps what it can; the user sees the result in the mapping table and can fix it.
 */
export function applyPreset(id: PresetId, header: string[]): PickedPreset {
  const preset = ALL_PRESETS.find((p) => p.id === id) ?? GENERIC_PRESET;
  if (preset === GENERIC_PRESET) return { preset, mapping: genericMapping(header) };
  return { preset, mapping: withExtras(presetMapping(preset, header), header) };
}

/** Which field each column feeds (undefined: ignored), the shape the mapping table edits. */
export function fieldsByColumn(mapping: ColumnMapping, columns: number): (ImportField | undefined)[] {
  const out: (ImportField | undefined)[] = Array.from({ length: columns }, () => undefined);
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) if (index < columns) out[index] = field;
  return out;
}

/** Column `index` now feeds `field` (or nothing): a field comes from one column, so it leaves any other. */
export function remapColumn(mapping: ColumnMapping, index: number, field: ImportField | undefined): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [f, i] of Object.entries(mapping) as [ImportField, number][]) if (i !== index && f !== field) next[f] = i;
  if (field) next[field] = index;
  return next;
}

/** How many cells of a row are header names we know: how the header row is told from a preamble. */
export function headerScore(cells: string[]): number {
  const fields = new Set<ImportField>();
  for (const c of cells) {
    const field = genericField(normaliseHeader(c));
    if (field) fields.add(field);
  }
  return fields.size;
}

export function hasNameColumn(mapping: ColumnMapping): boolean {
  return mapping.fullName !== undefined || mapping.firstName !== undefined || mapping.lastName !== undefined;
}
