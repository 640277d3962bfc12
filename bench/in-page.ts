import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/**
 * Functions sent into a page are sent as source text. tsx (esbuild, keepNames) wraps named
 * functions in `__name(fn, "name")`, a helper that does not exist in the page: define a no-op.
 */
const SHIM = 'const __name = (f) => f;';

/** The source of a call of `fn(arg)`, runnable in any page or world. `fn` must be self-contained. */
export function callSource<A, R>(fn: (arg: A) => R, arg: A): string {
  return `(() => { ${SHIM} return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/** `page.evaluate(fn, arg)` for functions compiled by tsx (see SHIM). */
export async function inPage<A, R>(page: Page, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  return (await page.evaluate(callSource(fn, arg))) as Awaited<R>;
}

/** Defines `globalThis[name]` in the page as `fn` (self-contained), for later calls from `inPage`. */
export async function install(page: Page, name: string, fn: (...args: never[]) => unknown): Promise<void> {
  await page.evaluate(`(() => { ${SHIM} globalThis[${JSON.stringify(name)}] = (${fn.toString()}); })()`);
}

/**
 * Polls `predicate(arg)` inside the page every 10 ms until it holds (Playwright's waitForFunction
 * evaluates strings with eval, which extension pages' CSP forbids).
 */
export async function waitInPage<A>(page: Page, predicate: (arg: A) => boolean, arg: A, timeoutMs: number, what: string): Promise<void> {
  const ok = await page.evaluate(`(async () => { ${SHIM}
    const predicate = (${predicate.toString()});
    const arg = ${JSON.stringify(arg)};
    const until = performance.now() + ${timeoutMs};
    while (!predicate(arg)) {
      if (performance.now() > until) return false;
      await new Promise((r) => setTimeout(r, 10));
    }
    return true;
  })()`);
  if (!ok) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** SELF-CONTAINED (for waitInPage): the page set the user-timing mark `name` after `after` ms. */
export function markAfter({ name, after }: { name: string; after: number }): boolean {
  const m = performance.getEntriesByName(name).at(-1);
  return m !== undefined && m.startTime > after;
}

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

/**
 * The content script's isolated world in a page, reached through the DevTools protocol: code run
 * there can use `chrome.runtime` exactly as our content script does, without any hook in the
 * product. The world is recreated on every load; `evaluate` uses the newest one.
 */
export class ContentWorld {
  private contexts: ExecutionContext[] = [];

  private constructor(
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(context: BrowserContext, page: Page, extensionId: string): Promise<ContentWorld> {
    const cdp = await context.newCDPSession(page);
    const world = new ContentWorld(cdp, extensionId);
    cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => world.contexts.push(e.context));
    cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => {
      world.contexts = world.contexts.filter((c) => c.id !== e.executionContextId);
    });
    cdp.on('Runtime.executionContextsCleared', () => (world.contexts = []));
    await cdp.send('Runtime.enable');
    return world;
  }

  /** Waits (up to `timeoutMs`) for the content script's world of the current document. */
  async contextId(timeoutMs = 15_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.contexts.findLast((c) => c.origin === `chrome-extension://${this.extensionId}`);
      if (found) return found.id;
      if (Date.now() > until) throw new Error('the content script did not start in this page (no isolated world of the extension)');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      contextId: await this.contextId(),
      expression: callSource(fn, arg),
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in the content script's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as Awaited<R>;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}
