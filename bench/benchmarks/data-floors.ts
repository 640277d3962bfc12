/**
 * The IndexedDB floors under the import and export benchmarks: the same records, the same stores
 * and indexes, the same transactions, through the raw IndexedDB API with no Dexie and no work of
 * ours, measured in the same run (same browser, same minute of a shared machine). A ratio near 1
 * means what is left is the database's own time.
 *
 * Both functions are SELF-CONTAINED: they are sent as source text into an extension page.
 */

/**
 * The floor under `import.csv_100k`'s write: a 100,000-row Connections.csv creates 100,000 people
 * and queues their mutations, all in ONE transaction. Per batch of 400 people (apply.ts writes
 * batches of 200 since issue 6's long-task work; the floor keeps the faster, fewer batches) it
 * puts 400 people shaped as the import writes them (fields, clocks), outbox rows of at most 200
 * mutations (utils/sync/outbox.ts), and the clock in `meta` — into a scratch database whose stores
 * have the indexes of the real ones (people: *profileKeys, name, companyKey, updatedAt; outbox: size).
 */
export async function rawImportWrite(arg: { people: number }): Promise<number> {
  const name = `scoutbook-bench-import-floor-${Math.random().toString(36).slice(2)}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const people = open.result.createObjectStore('people', { keyPath: 'id' });
      people.createIndex('profileKeys', 'profileKeys', { multiEntry: true });
      for (const index of ['name', 'companyKey', 'updatedAt']) people.createIndex(index, index);
      open.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('size', 'size');
      open.result.createObjectStore('meta', { keyPath: 'key' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const BATCH = 400;
  const PUSH = 200;
  const now = 1795300000000;
  const hlc = (i: number) => `${String(now + Math.floor(i / 50)).padStart(15, '0')}:${String(i % 50).padStart(5, '0')}:page`;
  const id = (i: number) => `01KAB${String(i).padStart(21, '0')}`;
  const fields = (i: number) => ({
    name: i % 3 === 0 ? `张伟${i}` : `James Smith ${i}`,
    companyName: 'Acme, Inc.',
    headline: 'Senior Engineer, Platform',
    profileKeys: [`linkedin:in/bench-import-${i}`],
    profileUrl: `https://www.linkedin.com/in/bench-import-${i}`,
    connectedAt: 1716940800000,
    status: 'active',
    tags: [] as string[],
    createdAt: now,
    deleted: false,
    ...(i % 5 === 0 ? { emails: [`person${i}@example.com`] } : {}),
  });
  const t0 = performance.now();
  const tx = db.transaction(['people', 'outbox', 'meta'], 'readwrite');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
  const people = tx.objectStore('people');
  const outbox = tx.objectStore('outbox');
  const meta = tx.objectStore('meta');
  for (let from = 0; from < arg.people; from += BATCH) {
    const to = Math.min(from + BATCH, arg.people);
    const mutations = [];
    for (let i = from; i < to; i++) {
      const f = fields(i);
      const at = hlc(i);
      const clocks: Record<string, string> = {};
      for (const k of Object.keys(f)) clocks[k] = at;
      people.put({ ...f, emails: f.emails ?? [], phones: [], id: id(i), updatedAt: at, clocks });
      mutations.push({ mutationId: `01KAM${String(i).padStart(21, '0')}`, entity: 'person', id: id(i), hlc: at, fields: f });
    }
    for (let k = 0; k < mutations.length; k += PUSH) {
      const chunk = mutations.slice(k, k + PUSH);
      outbox.add({ mutations: chunk, size: chunk.length });
    }
    // As the import does per batch: wait for the batch's writes (the thread is free meanwhile),
    // then queue the next one from the success callback, which keeps the transaction active.
    await new Promise<void>((resolve, reject) => {
      const last = meta.put({ key: 'hlc', value: hlc(to - 1) });
      last.onsuccess = () => resolve();
      last.onerror = () => reject(last.error);
    });
  }
  await done;
  const ms = performance.now() - t0;
  db.close();
  indexedDB.deleteDatabase(name);
  return ms;
}

/**
 * The reference beside `export.*_100k` with the default columns: what an export would read to
 * render from the database rather than from the popup's memory (as it did until issue 6's last
 * session), read raw. Every person, every pipeline entry and every note (for the last-note
 * column), each table in pages of 5,000 records by primary key (one getAll each), the three tables
 * at once, as utils/export/read-pages.ts does. Returns ms and the records read.
 */
export async function rawExportRead(arg: { dbName: string; page: number }): Promise<{ ms: number; records: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(arg.dbName);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const readTable = async (table: string): Promise<number> => {
    let count = 0;
    let after: IDBValidKey | undefined;
    for (;;) {
      const store = db.transaction(table, 'readonly').objectStore(table);
      const rows = (await request(store.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), arg.page))) as { id: string }[];
      count += rows.length;
      if (rows.length < arg.page) return count;
      after = rows[rows.length - 1]!.id;
    }
  };
  const t0 = performance.now();
  const counts = await Promise.all(['people', 'entries', 'notes'].map(readTable));
  const ms = performance.now() - t0;
  db.close();
  return { ms, records: counts.reduce((a, b) => a + b, 0) };
}
