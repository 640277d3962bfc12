import { afterAll, afterEach, beforeEach } from 'vitest';
import { createApp } from '../../../server/app';
import type { Store } from '../../../server/store/open';
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
  tokenFor(team: string, email?: string): Promise<string>;
  request(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  push(token: string, body: PushRequest | string): Promise<Response>;
  pushOk(token: string, body: PushRequest): Promise<PushResponse>;
  pull(token: string, query?: string): Promise<PullResponse>;
}

/** A fresh store and app for every test of the enclosing describe block. */
export function useHarness(kind: StoreKind): Harness {
  const h = { logged: [] as string[], now: new Date() } as Harness;
  let opened: Store | undefined;
  beforeEach(async () => {
    h.store = opened = await kind.open();
    h.logged = [];
    h.now = new Date();
    h.app = createApp({ db: h.store.db, now: () => h.now, log: (line) => h.logged.push(line) });
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  afterAll(() => kind.dispose());
  h.tokenFor = async (team, email = 'recruiter@example.com') => (await createToken(h.store.db, team, email)).token;
  h.request = (path, { token, headers, ...init } = {}) =>
    Promise.resolve(
      h.app.request(path, {
        ...init,
        headers: { ...(token && { authorization: `Bearer ${token}` }), ...(headers as Record<string, string>) },
      }),
    );
  h.push = (token, body) =>
    h.request('/v1/sync/push', {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
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
