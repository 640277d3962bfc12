import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, parseHlc } from '@/utils/sync/hlc';

describe('hybrid logical clock', () => {
  it('orders by wall time, then counter, as plain strings', () => {
    let now = 1000;
    const clock = new HybridClock('a', () => now);
    const first = clock.tick();
    const second = clock.tick(); // same millisecond: the counter moves
    now = 1001;
    const third = clock.tick();
    expect([third, first, second].sort()).toEqual([first, second, third]);
    expect(parseHlc(second)).toEqual({ ms: 1000, counter: 1, node: 'a' });
  });

  it('never goes backwards when the wall clock does', () => {
    let now = 5000;
    const clock = new HybridClock('a', () => now);
    const before = clock.tick();
    now = 10;
    expect(clock.tick() > before).toBe(true);
  });

  it('orders local events after a remote clock it has seen, even if the remote runs ahead', () => {
    const clock = new HybridClock('a', () => 1000);
    const remote = formatHlc({ ms: 90_000, counter: 7, node: 'b' });
    clock.receive(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('refuses a remote clock more than a day ahead', () => {
    const clock = new HybridClock('a', () => 1000);
    expect(() => clock.receive(formatHlc({ ms: 1000 + 2 * 86_400_000, counter: 0, node: 'b' }))).toThrow(/a day ahead/);
  });

  it('resumes after the last clock it issued', () => {
    const last = formatHlc({ ms: 7000, counter: 3, node: 'a' });
    const clock = new HybridClock('a', () => 7000, last);
    expect(clock.tick()).toBe(formatHlc({ ms: 7000, counter: 4, node: 'a' }));
  });

  it('rejects garbage', () => {
    expect(() => parseHlc('2026-01-01')).toThrow(/not a hybrid logical clock/);
    expect(() => new HybridClock('UPPER')).toThrow();
  });
});
