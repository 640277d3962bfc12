import type { Page } from '@playwright/test';
import { ownFixture } from '../../tests/support/shared-fixtures';
import type { Benchmark } from '../benchmark';
import { pingLoop, spaNavigateTimed, waitForCard } from '../card-timing';
import { ContentWorld, inPage } from '../in-page';
import type { Lab } from '../lab';

const BARE = 'annotate.bare_roundtrip';

/** Load the subject's profile `lab.runs` times: content-script start → card painted, per load. */
async function cardPaint(lab: Lab, page: Page): Promise<number[]> {
  const { a } = lab.subjects;
  const out: number[] = [];
  for (let i = 0; i < lab.runs; i++) {
    await page.goto(lab.url(a));
    const card = await waitForCard(page, a);
    out.push(card.painted - card.start);
  }
  return lab.measured(out);
}

function scaling(label: string, people: number, heavy?: string): Benchmark {
  const name = `annotate.scaling.${label}`;
  const base = 'annotate.scaling.1k';
  return {
    name,
    people,
    heavy,
    needs: name === base ? [] : [base],
    run: async (lab) => [
      { name, unit: 'ms', samples: await lab.withPage((p) => cardPaint(lab, p)), ...(name === base ? {} : { baseline: base }) },
    ],
  };
}

export const annotateBenchmarks: Benchmark[] = [
  {
    name: BARE,
    people: 0,
    run: (lab) =>
      lab.withPage(async (page) => {
        await page.goto(lab.url(lab.subjects.a));
        await page.waitForSelector('scoutbook-card', { state: 'attached' });
        const world = await ContentWorld.attach(lab.ext.context, page, lab.ext.extensionId);
        try {
          const samples = await world.evaluate(pingLoop, { runs: lab.runs, gapMs: 25 });
          return [{ name: BARE, unit: 'ms', samples: lab.measured(samples) }];
        } finally {
          await world.detach();
        }
      }),
  },
  scaling('1k', 1_000),
  scaling('10k', 10_000),
  {
    name: 'annotate.card_paint',
    people: 100_000,
    needs: [BARE],
    run: async (lab) => [
      { name: 'annotate.card_paint', unit: 'ms', samples: await lab.withPage((p) => cardPaint(lab, p)), baseline: BARE },
    ],
  },
  scaling('100k', 100_000),
  {
    name: 'annotate.spa_nav',
    people: 100_000,
    run: (lab) =>
      lab.withPage(async (page) => {
        const { a, b } = lab.subjects;
        await page.goto(lab.url(a));
        await waitForCard(page, a);
        const out: number[] = [];
        for (let i = 0; i < lab.runs; i++) {
          const to = i % 2 === 0 ? b : a;
          const navAt = await inPage(page, spaNavigateTimed, { path: to.path, html: ownFixture(to.fixture) });
          const card = await waitForCard(page, to, navAt);
          out.push(card.painted - navAt);
        }
        return [{ name: 'annotate.spa_nav', unit: 'ms', samples: lab.measured(out) }];
      }),
  },
  scaling('1m', 1_000_000, 'seeding 1M people (5M records) takes 10-20 min on 2 cores'),
];
