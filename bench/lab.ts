import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../tests/support/chromium';
import { LINKEDIN_PAGES, routeLinkedIn } from '../tests/support/linkedin-routes';
import { openSeeder, seedPeople } from './seed';
import { subjects, type Subject } from './subjects';

export interface LabOptions {
  extensionDir: string;
  samples: number;
  warmup: number;
}

/**
 * One Chromium with the e2e extension, shared by the benchmarks of a run, and the data stored in
 * its profile, which only grows (1k → 10k → 100k → 1M people): benchmarks run smallest dataset first.
 */
export class Lab {
  people = 0;
  readonly subjects = subjects();

  private constructor(
    readonly ext: ExtensionBrowser,
    readonly options: LabOptions,
  ) {}

  static async open(options: LabOptions): Promise<Lab> {
    const ext = await launchWithExtension({ extensionDir: options.extensionDir });
    const lab = new Lab(ext, options);
    const { a, b } = lab.subjects;
    await routeLinkedIn(ext.context, { ...LINKEDIN_PAGES, [a.path]: a.fixture, [b.path]: b.fixture });
    return lab;
  }

  url(subject: Subject): string {
    return `https://www.linkedin.com${subject.path}`;
  }

  /** Store people until there are `n`. */
  async grow(n: number): Promise<void> {
    if (n <= this.people) return;
    const started = Date.now();
    const page = await openSeeder(this.ext);
    try {
      const counts = await seedPeople(page, this.people, n, (done) => {
        const s = ((Date.now() - started) / 1000).toFixed(0);
        process.stdout.write(`\r[bench] seeding: ${done.toLocaleString('en')} / ${n.toLocaleString('en')} people (${s} s)`);
      });
      this.people = n;
      const s = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n[bench] stored ${counts.people} people, ${counts.notes} notes, ${counts.entries} entries, ${counts.companies} companies in ${s} s`);
    } finally {
      await page.close();
    }
  }

  /** A fresh tab. */
  newPage(): Promise<Page> {
    return this.ext.context.newPage();
  }

  /** Run `fn` with a fresh tab, closed afterwards. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.newPage();
    try {
      return await fn(page);
    } finally {
      await page.close();
    }
  }

  /** Samples after the warm-up ones. */
  measured(samples: number[]): number[] {
    return samples.slice(this.options.warmup);
  }

  get runs(): number {
    return this.options.warmup + this.options.samples;
  }

  async close(): Promise<void> {
    await this.ext.close();
  }
}
