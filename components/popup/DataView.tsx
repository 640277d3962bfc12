import { useMemo } from 'react';
import type { TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import type { LastNoteMirror } from './last-note-mirror';

/** Import, export and backup. Export starts on the selection when the bulk bar sent the user here. */
export function DataView(props: {
  listed: readonly TalentRow[];
  all: readonly TalentRow[];
  selectedIds: readonly string[];
  fromBulkBar: boolean;
  pipelines: readonly Pipeline[];
  lastNotes?: LastNoteMirror;
}) {
  const selected = useMemo(() => new Set(props.selectedIds), [props.selectedIds]);
  return (
    <div className="data-view">
      <ExportPanel
        key={props.fromBulkBar ? 'selection' : 'listed'}
        rows={props.listed}
        allRows={props.all}
        pipelines={props.pipelines}
        selectedIds={selected}
        initialScope={props.fromBulkBar ? 'selection' : undefined}
        lastNotes={props.lastNotes}
      />
      <ImportPanel />
      <BackupPanel />
    </div>
  );
}
