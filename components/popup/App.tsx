import { Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { getDb } from '@/utils/db/database';
import { lastNotes } from '@/utils/db/last-notes';
import { toCsv } from '@/utils/export/csv';
import { TALENT_COLUMNS } from '@/utils/export/talent-bank';
import { isoDate } from '@/utils/format/relative-time';
import { BankEmpty } from './BankEmpty';
import type { BulkOutcome } from './bulk/BulkBar';
import { useSelection } from './bulk/useSelection';
import { downloadText } from './download';
import { FilterChips } from './filters/FilterChips';
import { activeFilters, applyFilters, type Filters } from './filters/filter-model';
import { useStaleAfterDays } from './reminders/useReminderSettings';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { BulkBar, DataView, FilterPanel, FunnelView, PipelineBoard, SyncFooter, TalentTable, TeamAlerts, UndoToast } from './lazy-views';
import { SheetHost } from './detail/SheetHost';
import { PipelineTools } from './manage/PipelineTools';
import { TalentBank } from './TalentBank';
import { useBankLayout } from './table/useBankLayout';
import { useAfterFirstPaint } from './useAfterFirstPaint';
import { usePopupData } from './usePopupData';
import { useSearch } from './useSearch';

type View = 'bank' | 'pipelines' | 'funnel' | 'data';

/** The same app opened full size in a tab (`popup.html?tab`). */
const isTab = new URLSearchParams(location.search).has('tab');

export function App() {
  return (
    <I18nProvider>
      <PopupApp />
    </I18nProvider>
  );
}

function PopupApp() {
  const { t, lang } = useI18n();
  const bank = usePopupData();
  const afterFirstPaint = useAfterFirstPaint(bank !== undefined);
  const [view, setView] = useState<View>('bank');
  const [layout, setLayout] = useBankLayout();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [filters, setFilters] = useState<Filters>({});
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const [outcome, setOutcome] = useState<{ seq: number; value: BulkOutcome }>();
  const [exportSelection, setExportSelection] = useState(false);
  const [now] = useState(Date.now);
  const staleAfterDays = useStaleAfterDays();
  const searched = useSearch(bank, query);
  const pipelines = useMemo(() => bank?.pipelines ?? [], [bank]);
  const listed = useMemo(() => applyFilters(searched, filters, { now, pipelines, staleAfterDays }), [searched, filters, now, pipelines, staleAfterDays]);
  const selection = useSelection(listed);
  const filterCount = activeFilters(filters).length;
  const dismissOutcome = useCallback(() => setOutcome(undefined), []);

  const exportCsv = async () => {
    setExportError(undefined);
    try {
      const mirror = bank?.lastNotes;
      const notes = mirror?.ready ? mirror : await lastNotes(getDb(), listed.map((r) => r.person.id));
      const rows = listed.map((r) => ({ ...r, lastNote: notes.get(r.person.id) }));
      downloadText(`scoutbook-talent-bank-${isoDate(Date.now())}.csv`, toCsv(TALENT_COLUMNS, rows), 'text/csv;charset=utf-8');
    } catch (e) {
      setExportError(t('popup.exportFailed', { reason: (e as Error).message }));
    }
  };

  const tab = (id: View, label: string, testId?: string) => (
    <button
      role="tab"
      aria-selected={view === id}
      data-testid={testId}
      onClick={() => {
        setView(id);
        setExportSelection(false);
      }}
    >
      {label}
    </button>
  );

  const showsList = view === 'bank' || view === 'pipelines';
  const bankEmpty = bank && listed.length === 0 && (
    <BankEmpty total={bank.rows.length} query={deferredQuery} filtered={filterCount > 0} onClearFilters={() => setFilters({})} />
  );
  const listView = !bank ? null : view === 'pipelines' ? (
    <PipelineBoard rows={listed} pipelines={pipelines} query={deferredQuery} filtered={filterCount > 0} fallback={bankEmpty || undefined} />
  ) : bankEmpty ? (
    bankEmpty
  ) : (
    layout === 'table' ? (
      <TalentTable rows={listed} pipelines={pipelines} selection={selection} staleAfterDays={staleAfterDays} now={now} />
    ) : (
      <TalentBank rows={listed} pipelines={pipelines} selection={selection} staleAfterDays={staleAfterDays} now={now} />
    )
  );

  return (
    <div className={`app${isTab ? ' app-tab' : ''}`}>
      <header className="top">
        <h1>Scoutbook</h1>
        <LanguageSwitch />
        {afterFirstPaint && (
          <Suspense fallback={null}>
            <TeamAlerts />
          </Suspense>
        )}
        {!isTab && (
          <button
            type="button"
            className="open-tab"
            data-testid="sb-open-tab"
            title={t('popup.openTab')}
            aria-label={t('popup.openTab')}
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tab') })}
          >
            ⤢
          </button>
        )}
        <nav className="tabs" role="tablist" aria-label={t('popup.tabs.label')}>
          {tab('bank', `${t('popup.tab.bank')}${bank ? ` (${bank.rows.length.toLocaleString(lang)})` : ''}`)}
          {tab('pipelines', t('popup.tab.pipelines'))}
          {tab('funnel', t('popup.tab.funnel'), 'sb-tab-funnel')}
          {tab('data', t('popup.tab.data'), 'sb-tab-data')}
        </nav>
      </header>
      {showsList && (
        <div className="toolbar">
          <input
            type="search"
            data-testid="sb-search"
            placeholder={t('popup.search.placeholder')}
            aria-label={t('popup.search.label')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button
            type="button"
            className={`secondary${filterCount ? ' on' : ''}`}
            data-testid="sb-filters-toggle"
            aria-expanded={filtersOpen}
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {filterCount ? t('filters.toggleCount', { count: filterCount }) : t('filters.toggle')}
          </button>
          <button type="button" data-testid="sb-export-csv" onClick={() => void exportCsv()} disabled={!listed.length}>
            {t('popup.exportCsv')}
          </button>
        </div>
      )}
      {showsList && filtersOpen && bank && (
        <Suspense fallback={null}>
          <FilterPanel filters={filters} onChange={setFilters} rows={bank.rows} pipelines={pipelines} staleAfterDays={staleAfterDays} />
        </Suspense>
      )}
      {view === 'pipelines' && <PipelineTools />}
      {showsList && <FilterChips filters={filters} onChange={setFilters} pipelines={pipelines} staleAfterDays={staleAfterDays} />}
      {view === 'bank' && bank && listed.length > 0 && (
        <div className="subbar">
          <label className="select-all">
            {/* The table has its own in its header row. */}
            {layout === 'list' && (
              <input
                type="checkbox"
                data-testid="sb-select-all-listed"
                checked={selection.allSelected}
                onChange={selection.toggleAll}
                aria-label={t('bank.selectAll', { count: listed.length })}
              />
            )}
            <span data-testid="sb-count">{t('bank.count', { shown: listed.length, total: bank.rows.length })}</span>
          </label>
          <div className="segmented" role="group" aria-label={t('bank.view.label')}>
            <button type="button" aria-pressed={layout === 'list'} data-testid="sb-layout-list" onClick={() => setLayout('list')}>
              {t('bank.view.list')}
            </button>
            <button type="button" aria-pressed={layout === 'table'} data-testid="sb-layout-table" onClick={() => setLayout('table')}>
              {t('bank.view.table')}
            </button>
          </div>
        </div>
      )}
      {view === 'bank' && selection.ids.length > 0 && (
        <Suspense fallback={null}>
          <BulkBar
            selectedIds={selection.ids}
            pipelines={pipelines}
            onOutcome={(value) => setOutcome((o) => ({ seq: (o?.seq ?? 0) + 1, value }))}
            onExport={() => {
              setExportSelection(true);
              setView('data');
            }}
            onClear={selection.clear}
          />
        </Suspense>
      )}
      {exportError && <p className="error">{exportError}</p>}
      <main className="content">
        <Suspense fallback={<p className="loading">{t('popup.loading')}</p>}>
          {showsList ? (
            listView
          ) : view === 'funnel' ? (
            <FunnelView pipelines={pipelines} />
          ) : bank ? (
            <DataView listed={listed} all={bank.rows} selectedIds={selection.ids} fromBulkBar={exportSelection} pipelines={pipelines} lastNotes={bank.lastNotes} />
          ) : null}
        </Suspense>
      </main>
      {outcome && (
        <Suspense fallback={null}>
          <UndoToast key={outcome.seq} outcome={outcome.value} onDismiss={dismissOutcome} />
        </Suspense>
      )}
      <SheetHost />
      {afterFirstPaint && (
        <Suspense fallback={null}>
          <SyncFooter />
        </Suspense>
      )}
    </div>
  );
}
