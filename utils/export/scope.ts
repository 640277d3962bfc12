import type { TalentRow } from './talent-bank';

/** Which people an export covers. */
export type ExportScope =
  | { kind: 'listed' }
  | { kind: 'all' }
  | { kind: 'selection' }
  | { kind: 'pipeline'; pipelineId: string; stageId?: string };

export interface ScopeSources {
  /** The list as the user sees it now (search and filters applied), in its order. */
  listed: readonly TalentRow[];
  /** The whole talent bank. */
  all: readonly TalentRow[];
  selectedIds?: ReadonlySet<string>;
}

export interface ScopedRows {
  rows: TalentRow[];
  /** Set for a pipeline or stage export: each row then carries only that pipeline's entry. */
  pipelineId?: string;
}

/** The rows an export covers, in the order the user sees them. */
export function scopeRows(scope: ExportScope, sources: ScopeSources): ScopedRows {
  switch (scope.kind) {
    case 'listed':
      return { rows: [...sources.listed] };
    case 'all':
      return { rows: [...sources.all] };
    case 'selection': {
      const ids = sources.selectedIds ?? new Set<string>();
      // The listed order first (what the user looked at when selecting), then selected people filtered out since.
      const listed = sources.listed.filter((r) => ids.has(r.person.id));
      const seen = new Set(listed.map((r) => r.person.id));
      return { rows: [...listed, ...sources.all.filter((r) => ids.has(r.person.id) && !seen.has(r.person.id))] };
    }
    case 'pipeline':
      return {
        rows: sources.all.filter((r) => r.stages.some((s) => s.pipelineId === scope.pipelineId && (scope.stageId === undefined || s.stageId === scope.stageId))),
        pipelineId: scope.pipelineId,
      };
  }
}

/** A file name that says what was exported: `scoutbook-recruiting-interview-2024-05-30.xlsx`. */
export function exportFileName(parts: readonly string[], date: string, extension: string): string {
  const slug = parts
    .map((p) => p.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, ''))
    .filter(Boolean)
    .join('-');
  return `scoutbook-${slug ? `${slug}-` : ''}${date}.${extension}`;
}
