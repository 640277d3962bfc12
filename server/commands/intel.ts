import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describeZodError } from '../../utils/schema';
import { parseIntelCsv } from '../intel/csv';
import { importIntel, ImportItem } from '../store/intel';
import { ensureTeam } from '../store/teams';
import { checked, TeamName, withStore } from './options';
import type { Values } from './usage-error';

/** `intel import <file.json | file.csv> --team`: all or nothing, every bad item reported. */
export async function importFile(values: Values, [file]: string[]): Promise<number> {
  const team = checked(TeamName, values.team, 'team');
  const items = readIntelFile(file ?? '');
  if (!items) return 1;
  const result = await withStore(values, async (store) => {
    const { id, created } = await ensureTeam(store.db, team);
    if (created) console.error(`created team ${team}`);
    return importIntel(store.db, id, items);
  });
  console.log(`imported ${result.inserted} intel items (${result.present} already present)`);
  return 0;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    return undefined;
  }
}

/** The file's items, or undefined after reporting every bad one: an import is all or nothing. */
function readIntelFile(file: string): ImportItem[] | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  if (extname(file).toLowerCase() === '.csv') {
    const { items, problems, rows } = parseIntelCsv(text);
    if (problems.length) {
      console.error(`${file}: ${problems.length} problems in ${rows} rows; nothing imported`);
      for (const p of problems) console.error(`  ${p}`);
      return undefined;
    }
    return items;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    console.error(`${file}: not valid JSON`);
    return undefined;
  }
  if (!Array.isArray(parsed)) {
    console.error(`${file}: expected a JSON array of intel items`);
    return undefined;
  }
  const items: ImportItem[] = [];
  const problems: string[] = [];
  parsed.forEach((raw, index) => {
    const result = ImportItem.safeParse(raw);
    if (result.success) items.push(result.data);
    else problems.push(`  item ${index}: ${describeZodError(result.error)}`);
  });
  if (problems.length) {
    console.error(`${file}: ${problems.length} of ${parsed.length} items are invalid (counted from 0); nothing imported`);
    for (const p of problems) console.error(p);
    return undefined;
  }
  return items;
}
