import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { createApp } from '../../../server/app';
import type { AppDeps } from '../../../server/context';
import type { Store } from '../../../server/store/open';
import type { Role } from '../../../server/store/schema';
import { createToken } from '../../../server/store/tokens';
import type { PullResponse, PushRequest, PushResponse } from '../../../utils/sync/protocol';
import type { StoreKind } from './stores';

export interface Harness {
  store: Store;
  app: ReturnType<typeof createApp>;
  /** Lines the app logged, to check that nothing secret is in them. */
  logged: string[];
  /** Moves the server's clock. */
  now: Date;
  tokenFor(team: string, email?: string, role?: Role): Promise<string>;
  request(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  push(token: string, body: PushRequest | string): Promise<Response>;
  pushOk(token: string, body: PushRequest): Promise<PushResponse>;
  pull(token: string, query?: string): Promise<PullResponse>;
  /** The log lines as objects. */
  logs(): Record<string, unknown>[];
}

export interface HarnessOptions {
  rateLimit?: AppDeps['rateLimit'];
  feedPolicy?: AppDeps['feedPolicy'];
}

/**
 * A fresh store and app for every test of the enclosing describe block. After every test it
 * checks that no token it issued and no note text it pushed appears in what the app logged.
 */
export function useHarness(kind: StoreKind, options: HarnessOptions = {}): Harness {
  const h = { logged: [] as string[], now: new Date() } as Harness;
  let opened: Store | undefined;
  let secrets: string[] = [];
  beforeEach(async () => {
    h.store = opened = await kind.open();
    h.logged = [];
    secrets = [];
    h.now = new Date();
    h.app = createApp({ db: h.store.db, now: () => h.now, log: (line) => h.logged.push(line), ...options });
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
    const log = h.logged.join('\n');
    for (const secret of secrets) expect(log, 'a token or a note text reached the log').not.toContain(secret);
  });
  afterAll(() => kind.dispose());
  h.logs = () => h.logged.map((l) => JSON.parse(l) as Record<string, unknown>);
  h.tokenFor = async (team, email = 'recruiter@example.com', role) => {
    const { token } = await createToken(h.store.db, team, email, role ? { role } : {});
    secrets.push(token, token.slice(3));
    return token;
  };
  h.request = (path, { token, headers, ...init } = {}) =>
    Promise.resolve(
      h.app.request(path, {
        ...init,
        headers: { ...(token && { authorization: `Bearer ${token}` }), ...(headers as Record<string, string>) },
      }),
    );
  h.push = (token, body) => {
    if (typeof body !== 'string') {
      for (const m of body.mutations) if (m.entity === 'note' && typeof m.fields.body === 'string' && m.fields.body.length >= 6) secrets.push(m.fields.body);
    }
    return h.request('/v1/sync/push', {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
  h.pushOk = async (token, body) => {
    const res = await h.push(token, body);
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as PushResponse;
  };
  h.pull = async (token, query = '') => {
    const res = await h.request(`/v1/sync/pull${query}`, { token });
    if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as PullResponse;
  };
  return h;
}
