import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '@/components/card/Card';
import cardCss from '@/components/card/card.css?inline';
import { send } from '../messaging/send';
import type { CardData } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/adapter';
import type { CompanyProfile, Extraction, PageTarget, PersonProfile } from '../sites/types';
import { RefreshSignal } from './refresh-signal';
import { waitForExtraction } from './wait-for-extraction';

const EXTRACTION_TIMEOUT_MS = 8000;
export const CARD_TAG = 'scoutbook-card';

export interface Extracted {
  person?: PersonProfile;
  company?: CompanyProfile;
}

/**
 * Keeps exactly one card on the page: follows URL changes, asks the background what it knows
 * about the page's person or company, and mounts (or replaces) the card. On pages that are
 * neither, it does nothing.
 */
export class PageAnnotator {
  private ui: ShadowRootContentScriptUi<Root> | undefined;
  private current: { key: string; abort: AbortController } | undefined;
  /** The name read on the previous profile: an SPA page still showing it has not re-rendered yet. */
  private previousName: string | undefined;
  readonly refreshes = new RefreshSignal();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
  ) {}

  onUrl(url: string): void {
    const target = this.adapter.target(url);
    if (target?.key === this.current?.key) return;
    this.current?.abort.abort();
    this.remove();
    if (!target) {
      this.current = undefined;
      return;
    }
    const abort = new AbortController();
    this.current = { key: target.key, abort };
    void this.annotate(target, abort.signal).catch((e: unknown) => {
      console.warn(`[scoutbook] could not annotate ${target.key}:`, (e as Error).message);
    });
  }

  /** Something changed elsewhere (popup, another tab, sync): the card asks again. */
  refresh(): void {
    this.refreshes.bump();
  }

  extract(target: PageTarget): Extraction<PersonProfile | CompanyProfile> {
    return target.kind === 'person' ? this.adapter.extractPerson(document) : this.adapter.extractCompany(document);
  }

  private async annotate(target: PageTarget, signal: AbortSignal): Promise<void> {
    const version = this.refreshes.version;
    let extraction = this.extract(target);
    const stale = (v: PersonProfile | CompanyProfile) => v.name === this.previousName;
    let data = await this.lookup(target, extraction);
    if (signal.aborted) return;
    const known = data.person ?? data.company;
    if (!known && (!extraction.ok || stale(extraction.value))) {
      extraction = await waitForExtraction(() => this.extract(target), (v) => !stale(v), EXTRACTION_TIMEOUT_MS, signal);
      if (signal.aborted) return;
      if (!extraction.ok) {
        console.info(`[scoutbook] ${this.adapter.site}: no ${target.kind} found on this page (${extraction.reason})`);
        return;
      }
      data = await this.lookup(target, extraction);
      if (signal.aborted) return;
    }
    if (extraction.ok) this.previousName = extraction.value.name;
    await this.mount(target, data, version, extraction.ok ? extraction.value : undefined);
  }

  private lookup(target: PageTarget, extraction: Extraction<PersonProfile | CompanyProfile>): Promise<CardData> {
    const value = extraction.ok ? extraction.value : undefined;
    return send({
      type: 'lookup',
      target,
      ...(target.kind === 'person' ? { person: value as PersonProfile | undefined } : { company: value as CompanyProfile | undefined }),
    });
  }

  private async mount(target: PageTarget, data: CardData, version: number, extracted: PersonProfile | CompanyProfile | undefined) {
    this.remove();
    const ui = await createShadowRootUi(this.ctx, {
      name: CARD_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: cardCss,
      mode: import.meta.env.SCOUTBOOK_SHADOW_MODE === 'open' ? 'open' : 'closed',
      // Keystrokes typed into the card must not trigger the host page's shortcuts.
      isolateEvents: true,
      onMount: (container) => {
        const root = createRoot(container);
        root.render(
          <Card
            initial={data}
            extracted={extracted}
            reextract={() => {
              const again = this.extract(target);
              return again.ok ? again.value : extracted;
            }}
            refreshes={this.refreshes}
            builtAtVersion={version}
          />,
        );
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    if (this.current?.key !== target.key) return; // navigated away while the UI was being created
    this.remove();
    this.ui = ui;
    ui.mount();
  }

  private remove(): void {
    this.ui?.remove();
    this.ui = undefined;
  }
}
