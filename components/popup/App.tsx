import { useDeferredValue, useState } from 'react';
import { getDb } from '@/utils/db/database';
import { lastNotes } from '@/utils/db/last-notes';
import { toCsv } from '@/utils/export/csv';
import { TALENT_COLUMNS } from '@/utils/export/talent-bank';
import { isoDate } from '@/utils/format/relative-time';
import { BackupPanel } from './BackupPanel';
import { downloadText } from './download';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { PipelineBoard } from './PipelineBoard';
import { SyncFooter } from './SyncFooter';
import { TalentBank } from './TalentBank';
import { usePopupData } from './usePopupData';
import { useSearch } from './useSearch';

type View = 'bank' | 'pipelines' | 'data';

/** The same app opened full size in a tab (`popup.html?tab`). */
const isTab = new URLSearchParams(location.search).has('tab');

export function App() {
  const bank = usePopupData();
  const [view, setView] = useState<View>('bank');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [exportError, setExportError] = useState<string>();
  const listed = useSearch(bank, deferredQuery);

  const exportCsv = async () => {
    setExportError(undefined);
    try {
      const notes = await lastNotes(getDb(), listed.map((r) => r.person.id));
      const rows = listed.map((r) => ({ ...r, lastNote: notes.get(r.person.id) }));
      downloadText(`scoutbook-talent-bank-${isoDate(Date.now())}.csv`, toCsv(TALENT_COLUMNS, rows), 'text/csv;charset=utf-8');
    } catch (e) {
      setExportError(`Export failed: ${(e as Error).message}`);
    }
  };

  return (
    <div className={`app${isTab ? ' app-tab' : ''}`}>
      <header className="top">
        <h1>Scoutbook</h1>
        {!isTab && (
          <button
            type="button"
            className="open-tab"
            data-testid="sb-open-tab"
            title="Open Scoutbook in a tab"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tab') })}
          >
            ⤢
          </button>
        )}
        <nav className="tabs" role="tablist">
          <button role="tab" aria-selected={view === 'bank'} onClick={() => setView('bank')}>
            Talent bank{bank ? ` (${bank.rows.length})` : ''}
          </button>
          <button role="tab" aria-selected={view === 'pipelines'} onClick={() => setView('pipelines')}>
            Pipelines
          </button>
          <button role="tab" aria-selected={view === 'data'} onClick={() => setView('data')} data-testid="sb-tab-data">
            Import & export
          </button>
        </nav>
      </header>
      <div className="toolbar">
        <input
          type="search"
          data-testid="sb-search"
          placeholder="Search name, headline, company"
          aria-label="Search the talent bank"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" data-testid="sb-export-csv" onClick={() => void exportCsv()} disabled={!listed.length}>
          Export CSV
        </button>
      </div>
      {exportError && <p className="error">{exportError}</p>}
      <main className="content">
        {!bank ? null : view === 'bank' ? (
          <TalentBank rows={listed} pipelines={bank.pipelines} total={bank.rows.length} />
        ) : view === 'pipelines' ? (
          <PipelineBoard rows={listed} pipelines={bank.pipelines.filter((p) => p.kind !== 'sales')} />
        ) : (
          <div className="data-view">
            <ExportPanel rows={listed} pipelines={bank.pipelines} />
            <ImportPanel />
            <BackupPanel />
          </div>
        )}
      </main>
      <SyncFooter />
    </div>
  );
}
