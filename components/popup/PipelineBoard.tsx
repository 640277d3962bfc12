import { useMemo, useState, type ReactNode } from 'react';
import type { StoredCompany } from '@/utils/db/database';
import type { TalentRow } from '@/utils/export/talent-bank';
import { send } from '@/utils/messaging/send';
import type { Pipeline } from '@/utils/schema';
import { matchingAccounts, useAccountCards } from './board/useAccountCards';
import { BoardCardActions } from './detail/BoardCardActions';
import { EmptyState } from './EmptyState';
import { useI18n } from './i18n/I18nProvider';
import { NamedOptions } from './NamedOptions';

/** A column shows this many cards; the rest are a click away (the DOM stays small with 10,000 entries). */
const COLUMN_PAGE = 30;

/** A person, or in a sales pipeline an account (company), at a stage. */
type BoardCard = { entryId: string; row: TalentRow; company?: undefined } | { entryId: string; company: StoredCompany; row?: undefined };

/**
 * One pipeline as a kanban: drag a card to another stage, or focus it and press Alt+← / Alt+→.
 * `rows` are the people the search and filters leave; accounts follow the search text and are
 * hidden while filters (which are about people) are on. `fallback` replaces an empty board when
 * the talent bank itself is empty or the search matches no one: it says what to do next.
 */
export function PipelineBoard(props: {
  rows: readonly TalentRow[];
  pipelines: readonly Pipeline[];
  query: string;
  filtered: boolean;
  fallback?: ReactNode;
}) {
  const { rows, pipelines } = props;
  const { t } = useI18n();
  const [pipelineId, setPipelineId] = useState(pipelines[0]?.id);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string>();
  const pipeline = pipelines.find((p) => p.id === pipelineId) ?? pipelines[0];
  const allAccounts = useAccountCards(pipeline?.id);
  const accounts = useMemo(() => (props.filtered ? [] : matchingAccounts(allAccounts, props.query)), [allAccounts, props.filtered, props.query]);

  const columns = useMemo(() => {
    const byStage = new Map<string, BoardCard[]>();
    if (!pipeline) return byStage;
    for (const s of pipeline.stages) byStage.set(s.id, []);
    for (const account of accounts) byStage.get(account.stageId)?.push({ entryId: account.entryId, company: account.company });
    for (const row of rows)
      for (const s of row.stages) if (s.pipelineId === pipeline.id) byStage.get(s.stageId)?.push({ entryId: s.entryId, row });
    return byStage;
  }, [rows, accounts, pipeline]);

  if (!pipeline) return <EmptyState>{t('board.noPipelines')}</EmptyState>;
  const isEmpty = [...columns.values()].every((cards) => !cards.length);

  const move = (card: BoardCard, stageId: string) => {
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (!stage) return;
    setError(undefined);
    send({ type: 'moveEntry', entryId: card.entryId, stageId })
      .then(() => setAnnouncement(t('board.moved', { name: cardName(card), stage: stage.name })))
      .catch((e: unknown) => setError((e as Error).message));
  };

  return (
    <div className="board">
      <select aria-label={t('board.pipeline')} data-testid="sb-pipeline" value={pipeline.id} onChange={(e) => setPipelineId(e.target.value)}>
        <NamedOptions items={pipelines} />
      </select>
      {error && <p className="error">{error}</p>}
      {isEmpty &&
        (props.fallback ?? (
          <EmptyState testId="sb-board-empty">{t(pipeline.kind === 'sales' ? 'board.emptySales' : 'board.empty', { pipeline: pipeline.name })}</EmptyState>
        ))}
      <p className="sr-only" aria-live="polite" data-testid="sb-board-announcement">
        {announcement}
      </p>
      <div className="columns">
        {pipeline.stages.map((stage, index) => (
          <Column
            key={stage.id}
            pipeline={pipeline}
            name={stage.name}
            cards={columns.get(stage.id) ?? []}
            onDrop={(entryId) => {
              const card = [...columns.values()].flat().find((c) => c.entryId === entryId);
              if (card) move(card, stage.id);
            }}
            onKey={(card, direction) => {
              const next = pipeline.stages[index + direction];
              if (next) move(card, next.id);
            }}
          />
        ))}
      </div>
    </div>
  );
}

function Column(props: {
  pipeline: Pipeline;
  name: string;
  cards: BoardCard[];
  onDrop: (entryId: string) => void;
  onKey: (card: BoardCard, direction: 1 | -1) => void;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(COLUMN_PAGE);
  const [over, setOver] = useState(false);
  return (
    <section
      className={`stage${over ? ' stage-over' : ''}`}
      data-testid="sb-board-stage"
      aria-label={props.name}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const entryId = e.dataTransfer.getData('application/x-scoutbook-entry');
        if (entryId) props.onDrop(entryId);
      }}
    >
      <h3>
        {props.name} <span className="count">{props.cards.length}</span>
      </h3>
      {props.cards.slice(0, shown).map((card) => (
        <div
          key={card.entryId}
          className="board-card"
          data-testid="sb-board-card"
          draggable
          tabIndex={0}
          aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight"
          title={t('board.cardTitle')}
          onDragStart={(e) => {
            e.dataTransfer.setData('application/x-scoutbook-entry', card.entryId);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onKeyDown={(e) => {
            if (!e.altKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
            e.preventDefault();
            props.onKey(card, e.key === 'ArrowRight' ? 1 : -1);
          }}
        >
          <span className="row-name">{cardName(card)}</span>
          {card.row ? (
            <>
              {card.row.person.companyName && <span className="row-meta">{card.row.person.companyName}</span>}
              <BoardCardActions entryId={card.entryId} pipeline={props.pipeline} subject={{ person: card.row.person }} />
            </>
          ) : (
            <>
              <span className="row-meta">{[t('board.account'), card.company.industry].filter(Boolean).join(' · ')}</span>
              <BoardCardActions entryId={card.entryId} pipeline={props.pipeline} subject={{ company: card.company }} />
            </>
          )}
        </div>
      ))}
      {props.cards.length > shown && (
        <button type="button" className="more" onClick={() => setShown((n) => n + COLUMN_PAGE)}>
          {t('board.more', { count: Math.min(COLUMN_PAGE, props.cards.length - shown), rest: props.cards.length - shown })}
        </button>
      )}
    </section>
  );
}

function cardName(card: BoardCard): string {
  return card.row ? card.row.person.name : card.company.name;
}
