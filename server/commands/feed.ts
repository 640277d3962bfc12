import { z } from 'zod';
import { Text } from '../../utils/schema';
import { refuseFeedUrl } from '../intel/fetch';
import { pollTeamFeeds } from '../intel/poller';
import { addAlias, listAliases } from '../store/aliases';
import { addFeed, listFeeds, removeFeed } from '../store/feeds';
import { prune as pruneStore } from '../store/maintenance';
import { checked, existingTeam, withStore } from './options';
import type { Values } from './usage-error';

const FeedUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);

export async function add(values: Values, [url]: string[]): Promise<number> {
  const feedUrl = checked(FeedUrl, url, 'url');
  const problem = refuseFeedUrl(feedUrl, { allowPrivate: values['allow-private-feeds'] ?? false });
  if (problem) {
    console.error(`${feedUrl}: ${problem}`);
    return 1;
  }
  const name = checked(Text(120).min(1, 'name is required'), values.name ?? new URL(feedUrl).hostname, 'name');
  const row = await withStore(values, async (store) => addFeed(store.db, (await existingTeam(store, values)).id, feedUrl, name));
  if (!row) {
    console.error(`team ${values.team} already has a feed at ${feedUrl}`);
    return 1;
  }
  console.error(`added feed "${name}"; serve polls it on its schedule, "feed poll --team ${values.team}" polls now`);
  console.log(row.id);
  return 0;
}

export async function list(values: Values): Promise<number> {
  const feeds = await withStore(values, async (store) => listFeeds(store.db, (await existingTeam(store, values)).id));
  for (const f of feeds) {
    const state = f.last_polled_at ? (f.last_error ? `failed ${f.last_polled_at}: ${f.last_error}` : `ok ${f.last_polled_at}, +${f.last_added}`) : 'never polled';
    console.log(`${f.id}\t${f.name}\t${f.url}\t${state}`);
  }
  return 0;
}

export async function remove(values: Values, [id]: string[]): Promise<number> {
  const removed = await withStore(values, async (store) => removeFeed(store.db, values.team === undefined ? undefined : (await existingTeam(store, values)).id, id ?? ''));
  if (!removed) {
    console.error(`no feed ${id}`);
    return 1;
  }
  console.error(`removed feed ${id}`);
  return 0;
}

/** Polls every feed of the team once, now; exit 1 when any failed. */
export async function poll(values: Values): Promise<number> {
  const outcomes = await withStore(values, async (store) =>
    pollTeamFeeds(store.db, (await existingTeam(store, values)).id, { policy: { allowPrivate: values['allow-private-feeds'] ?? false } }),
  );
  if (outcomes.length === 0) console.error(`team ${values.team} has no feeds: add one with "feed add <url> --team ${values.team}"`);
  for (const o of outcomes) {
    if (o.ok) console.log(`${o.feedId}\t${o.name}\t${o.notModified ? 'not modified' : `${o.items} items, ${o.added} new, ${o.duplicates} already known`}`);
    else console.log(`${o.feedId}\t${o.name}\tFAILED: ${o.error}`);
  }
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

export async function aliasAdd(values: Values, [alias, company]: string[]): Promise<number> {
  const a = checked(Text(200).min(2, 'alias needs at least 2 characters'), alias, 'alias');
  const c = checked(Text(200).min(1, 'company name is required'), company, 'company');
  const row = await withStore(values, async (store) => addAlias(store.db, (await existingTeam(store, values)).id, a, c));
  if (!row) {
    console.error(`the alias ${a} is already defined in team ${values.team}`);
    return 1;
  }
  console.log(row.id);
  return 0;
}

export async function aliasList(values: Values): Promise<number> {
  const rows = await withStore(values, async (store) => listAliases(store.db, (await existingTeam(store, values)).id));
  for (const r of rows) console.log(`${r.id}\t${r.alias}\t= ${r.company_name}`);
  return 0;
}

export async function prune(values: Values): Promise<number> {
  const days = values['keep-days'] === undefined ? undefined : checked(z.coerce.number().min(1), values['keep-days'], 'keep-days');
  const result = await withStore(values, (store) => pruneStore(store.db, new Date(), { ...(days !== undefined && { mutationIdDays: days }) }));
  console.log(`pruned ${result.mutationIds} applied mutation ids and ${result.alerts} alerts`);
  return 0;
}
