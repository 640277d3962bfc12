import { mapRow, rowWidth } from './map-rows';
import { ImportPlanner, type ExistingPerson, type ImportPlan, type PlanOptions } from './plan';
import type { ColumnMapping } from './presets';
import type { OpenedFile } from './read-import';

/**
 * The dry run in one pass over the file: each row is parsed, mapped and checked, then dropped;
 * only the plan (what the write needs and the summary shows) stays.
 */
export async function dryRunFile(file: OpenedFile, mapping: ColumnMapping, existing: Iterable<ExistingPerson>, options: PlanOptions = {}): Promise<ImportPlan> {
  const width = rowWidth(file.summary.header);
  const planner = new ImportPlanner(existing, options);
  await file.visitRows(options, (row) => planner.add(mapRow(row, mapping, width)));
  return planner.finish();
}
