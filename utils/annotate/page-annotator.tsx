import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '@/components/card/Card';
import cardCss from '@/components/card/card.css?inline';
import { loadPrefs, prefsItem, parsePrefs, updatePrefs, type Prefs } from '../prefs/prefs';
import { send } from '../messaging/send';
import type { CardData } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/adapter';
import type { CompanyProfile, Extraction, PageTarget, PersonProfile } from '../sites/types';
import { pageTheme, type Theme } from './page-theme';
import { RefreshSignal } from './refresh-signal';
import { waitForExtraction } from './wait-for-extraction';

const EXTRACTION_TIMEOUT_MS = 8000;
export const CARD_TAG = 'scoutbook-card';
/**
 * Benchmarks (bench/) read `scoutbook:start` and `scoutbook:card-painted` from the page's performance
 * timeline. E2E build only: the timeline is shared with the page's own scripts, and production must
 * not announce the extension to the site (DESIGN §4).
 */
const TIMING_MARKS = import.meta.env.SCOUTBOOK_SHADOW_MODE === 'open';

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
  private current: { target: PageTarget; abort: AbortController; extracted?: PersonProfile | CompanyProfile } | undefined;
  /** The name read on the previous profile: an SPA page still showing it has not re-rendered yet. */
  private previousName: string | undefined;
  /** Loaded on the first profile page only: pages that are neither a person nor a company cost nothing. */
  private prefs: Promise<Prefs> | undefined;
  readonly refreshes = new RefreshSignal();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
  ) {}

  onUrl(url: string, force = false): void {
    const target = this.adapter.target(url);
    if (!force && target?.key === this.current?.target.key) return;
    this.current?.abort.abort();
    this.remove();
    if (!target) {
      this.current = undefined;
      return;
    }
    const abort = new AbortController();
    this.current = { target, abort };
    void this.annotate(target, abort.signal).catch((e: unknown) => {
      console.warn(`[scoutbook] could not annotate ${target.key}:`, (e as Error).message);
    });
  }

  /** The page as this content script sees it, for the side panel. */
  currentPage(): { target: PageTarget; extracted?: PersonProfile | CompanyProfile } | undefined {
    if (!this.current) return undefined;
    const again = this.extract(this.current.target);
    return { target: this.current.target, extracted: again.ok ? again.value : this.current.extracted };
  }

  /** The keyboard shortcut: save the page's person or company without touching the card. */
  async saveCurrent(): Promise<boolean> {
    const page = this.currentPage();
    if (!page?.extracted) return false;
    const { target, extracted } = page;
    if (target.kind === 'person') await send({ type: 'savePerson', target, person: extracted as PersonProfile });
    else await send({ type: 'saveCompany', target, company: extracted as CompanyProfile });
    this.refresh();
    return true;
  }

  /** Something changed elsewhere (popup, another tab, sync): the card asks again. */
  refresh(): void {
    this.refreshes.bump();
  }

  extract(target: PageTarget): Extraction<PersonProfile | CompanyProfile> {
    return target.kind === 'person'
      ? this.adapter.extractPerson(document, location.href)
      : this.adapter.extractCompany(document, location.href);
  }

  /** The page, once rendered, says what the URL could not (a GitHub user or organisation). */
  private async refine(target: PageTarget, signal: AbortSignal): Promise<PageTarget | undefined> {
    const refineTarget = this.adapter.refineTarget;
    if (!refineTarget) return target;
    const refined = await waitForExtraction<PageTarget>(
      () => {
        const t = refineTarget(document, target);
        return t ? { ok: true, value: t, matched: 'page' } : { ok: false, reason: 'not an account page' };
      },
      () => true,
      EXTRACTION_TIMEOUT_MS,
      signal,
    );
    if (!refined.ok) {
      if (!signal.aborted) this.report(target, refined);
      return undefined;
    }
    if (this.current?.target.key === target.key) this.current.target = refined.value;
    return refined.value;
  }

  private loadPrefs(): Promise<Prefs> {
    if (!this.prefs) {
      this.prefs = loadPrefs();
      // The per-site switch and language apply at once, in every open tab.
      const unwatch = prefsItem.watch((raw) => {
        const next = parsePrefs(raw);
        this.prefs = Promise.resolve(next);
        if (next.disabledSites.includes(this.adapter.site)) {
          this.current?.abort.abort();
          this.remove();
        } else this.onUrl(location.href, true);
      });
      this.ctx.onInvalidated(unwatch);
    }
    return this.prefs;
  }

  private async annotate(urlTarget: PageTarget, signal: AbortSignal): Promise<void> {
    if (TIMING_MARKS) performance.mark('scoutbook:start');
    const version = this.refreshes.version;
    const target = await this.refine(urlTarget, signal);
    if (!target || signal.aborted) return;
    if (target.subpage) return this.annotateSubpage(target, version, signal);
    let extraction = this.extract(target);
    const stale = (v: PersonProfile | CompanyProfile) => v.name === this.previousName;
    const lookup = this.lookup(target, extraction);
    // While the background looks the page up: the card's shadow root, and the page's theme (reading
    // computed styles makes the browser compute the page's styles, which takes a while on a fresh page).
    const ui = this.createUi();
    const theme = pageTheme();
    const [prefs, lookedUp] = await Promise.all([this.loadPrefs(), lookup]).catch((e: unknown) => {
      discard(ui);
      throw e;
    });
    let data = lookedUp;
    if (signal.aborted || prefs.disabledSites.includes(this.adapter.site)) return discard(ui);
    const known = data.person ?? data.company;
    let reported = false;
    if (!known && (!extraction.ok || stale(extraction.value))) {
      extraction = await waitForExtraction(() => this.extract(target), (v) => !stale(v), EXTRACTION_TIMEOUT_MS, signal);
      if (signal.aborted) return discard(ui);
      this.report(target, extraction);
      reported = true;
      if (!extraction.ok) return discard(ui);
      data = await this.lookup(target, extraction).catch((e: unknown) => {
        discard(ui);
        throw e;
      });
      if (signal.aborted) return discard(ui);
    }
    if (extraction.ok) {
      this.previousName = extraction.value.name;
      if (this.current) this.current.extracted = extraction.value;
    }
    await this.mount(ui, theme, target, data, version, prefs, extraction.ok ? extraction.value : undefined);
    // Bookkeeping for the Options page's health table waits until the card is on the page.
    if (!reported) this.report(target, extraction);
  }

  /**
   * A part of a profile (LinkedIn `/details/…`) shows no profile to read: the card appears from the
   * stored record when the person is saved, and not at all otherwise.
   */
  private async annotateSubpage(target: PageTarget, version: number, signal: AbortSignal): Promise<void> {
    const [prefs, data] = await Promise.all([this.loadPrefs(), this.lookup(target, { ok: false, reason: 'sub-page' })]);
    if (signal.aborted || prefs.disabledSites.includes(this.adapter.site) || !(data.person ?? data.company)) return;
    await this.mount(this.createUi(), pageTheme(), target, data, version, prefs, undefined);
  }

  /** Which extractor alternative worked, or why none did: the Options page shows it per site. */
  private report(target: PageTarget, extraction: Extraction<unknown>): void {
    void send({
      type: 'reportExtraction',
      site: this.adapter.site,
      kind: target.kind,
      ...(extraction.ok ? { matched: extraction.matched } : { miss: extraction.reason, url: target.url }),
    }).catch(() => {});
  }

  private lookup(target: PageTarget, extraction: Extraction<PersonProfile | CompanyProfile>): Promise<CardData> {
    const value = extraction.ok ? extraction.value : undefined;
    return send({
      type: 'lookup',
      target,
      ...(target.kind === 'person' ? { person: value as PersonProfile | undefined } : { company: value as CompanyProfile | undefined }),
    });
  }

  /** An empty card UI (a shadow root with the card's CSS and a React root), not yet on the page. */
  private createUi(): Promise<ShadowRootContentScriptUi<Root>> {
    return createShadowRootUi(this.ctx, {
      name: CARD_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: cardCss,
      mode: import.meta.env.SCOUTBOOK_SHADOW_MODE === 'open' ? 'open' : 'closed',
      // Keystrokes typed into the card must not trigger the host page's shortcuts.
      isolateEvents: true,
      onMount: (container) => createRoot(container),
      onRemove: (root) => root?.unmount(),
    });
  }

  private async mount(
    pendingUi: Promise<ShadowRootContentScriptUi<Root>>,
    theme: Theme,
    target: PageTarget,
    data: CardData,
    version: number,
    prefs: Prefs,
    extracted: PersonProfile | CompanyProfile | undefined,
  ) {
    const ui = await pendingUi;
    if (this.current?.target.key !== target.key) return ui.remove(); // navigated away while the UI was being created
    this.remove();
    this.ui = ui;
    ui.mount();
    const card = (
      <Card
        initial={data}
        extracted={extracted}
        reextract={() => {
          const again = this.extract(target);
          return again.ok ? again.value : extracted;
        }}
        refreshes={this.refreshes}
        builtAtVersion={version}
        theme={theme}
        language={prefs.language}
        collapsed={prefs.cardCollapsed}
        onCollapsedChange={(cardCollapsed) => void updatePrefs({ cardCollapsed })}
      />
    );
    // Rendered at once rather than on React's scheduler, which may yield and let a frame go by
    // without the card: the card is committed before the next frame starts.
    flushSync(() => ui.mounted?.render(card));
    if (TIMING_MARKS) markPainted(ui.shadow);
  }

  private remove(): void {
    this.ui?.remove();
    this.ui = undefined;
  }
}

/** A card UI that will not be shown (navigated away, site switched off, nothing to show). */
function discard(ui: Promise<ShadowRootContentScriptUi<Root>>): void {
  void ui.then((u) => u.remove(), () => {});
}

/** Marks the start of the frame that paints the card: the first frame after React has committed it. */
function markPainted(shadow: ShadowRoot): void {
  const check = () => {
    if (!shadow.host.isConnected) return;
    if (shadow.querySelector('[data-testid=sb-status]')) performance.mark('scoutbook:card-painted');
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
