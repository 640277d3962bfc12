import Dexie from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import { Card } from '@/components/card/Card';
import { RefreshSignal } from '@/utils/annotate/refresh-signal';
import { getDb } from '@/utils/db/database';
import { cardData } from '@/utils/db/card-data';
import { relativeTime } from '@/utils/format/relative-time';
import { CurrentPage, type CardData } from '@/utils/messaging/protocol';
import { browserLanguage, translator } from '@/utils/i18n/translate';
import type { CompanyProfile, PersonProfile } from '@/utils/sites/types';
import { PrivacyActions } from './PrivacyActions';

/** Ask the active tab's content script what it shows; undefined on pages we do not annotate. */
async function activePage(): Promise<CurrentPage | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return undefined;
  const answer: unknown = await browser.tabs.sendMessage(tab.id, { type: 'currentPage' }).catch(() => undefined);
  const parsed = CurrentPage.safeParse(answer);
  return parsed.success ? parsed.data : undefined;
}

/** The full record of the person or company in the current tab, beside the page. */
export function SidePanel() {
  const [page, setPage] = useState<CurrentPage>();
  const [data, setData] = useState<CardData>();
  const refreshes = useMemo(() => new RefreshSignal(), []);
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;

  useEffect(() => {
    const update = () => void activePage().then(setPage);
    update();
    browser.tabs.onActivated.addListener(update);
    browser.tabs.onUpdated.addListener(update);
    // Any change to the database, from any context, refreshes what is shown.
    const onMutated = () => refreshes.bump();
    Dexie.on('storagemutated', onMutated);
    return () => {
      browser.tabs.onActivated.removeListener(update);
      browser.tabs.onUpdated.removeListener(update);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [refreshes]);

  useEffect(() => {
    if (page) void cardData({ db: getDb() }, page.target, { person: page.person, company: page.company }).then(setData);
  }, [page]);

  const t = translator(browserLanguage());
  if (!page || !data || data.target.key !== page.target.key)
    return (
      <p className="empty" data-testid="sb-panel-empty">
        {browserLanguage() === 'zh-CN'
          ? '打开领英个人或公司页面，即可在此查看完整记录。'
          : 'Open a LinkedIn profile or company page to see its full record here.'}
      </p>
    );
  const extracted: PersonProfile | CompanyProfile | undefined = page.person ?? page.company;
  return (
    <div data-testid="sb-panel">
      <Card
        key={page.target.key}
        initial={data}
        extracted={extracted}
        reextract={() => extracted}
        refreshes={refreshes}
        builtAtVersion={refreshes.version}
        theme={dark ? 'dark' : 'light'}
        collapsed={false}
        onCollapsedChange={() => {}}
        floating={false}
      >
        {data.entries.length > 0 && (
          <section className="sb-section" aria-label={t('panel.history')}>
            <div className="sb-section-title">{t('panel.history')}</div>
            {data.entries.map(({ entry, pipelineName }) => (
              <div key={entry.id}>
                <div className="sb-entry-pipeline">{pipelineName}</div>
                <ol className="sb-history" data-testid="sb-history">
                  {entry.history.map((h, i) => (
                    <li key={i}>
                      {data.pipelines.find((p) => p.id === entry.pipelineId)?.stages.find((s) => s.id === h.stageId)?.name ??
                        h.stageId}{' '}
                      · {relativeTime(h.at)}
                      {h.by ? ` · ${h.by}` : ''}
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </section>
        )}
        {data.person && <PrivacyActions person={data.person} />}
      </Card>
    </div>
  );
}
