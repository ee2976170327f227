import { describe, expect, it } from 'vitest';

import type { ThreadsSample } from './threadsProtocol';
import { slowdownThreshold, threadsMetrics, threadsTable, threadsValues } from './threadsReport';

function sample(threads: number, keyToPaintMs: number[]): ThreadsSample {
  return {
    threads,
    panelShownMs: 400 + threads,
    highlightsShownMs: 450 + threads,
    highlightedRanges: threads,
    keyToPaintMs,
    keypresses: keyToPaintMs.length,
    typedTextIntact: true,
    highlightsAfterTyping: threads,
    jsHeapUsedMb: 12.5,
    seedingMs: 1,
    loadPasses: [{ atMs: 900, durationMs: threads / 10, threads }],
    typingPasses: [
      { atMs: 2_000, durationMs: 2, threads: 10 },
      { atMs: 2_800, durationMs: 4, threads: 20 },
    ],
  };
}

const fast = Array.from({ length: 20 }, () => 12);
const slow = [...Array.from({ length: 18 }, () => 20), 80, 90];

describe('the threads report', () => {
  it('names the first thread count whose typing p95 exceeds the target', () => {
    expect(slowdownThreshold([sample(0, fast), sample(500, slow), sample(50, fast)], 50)).toBe(
      'typing p95 exceeds 50 ms from N=500 threads',
    );
  });

  it('says "not reached" when every count stays under the target', () => {
    expect(slowdownThreshold([sample(0, fast), sample(200, fast)], 50)).toContain(
      'threshold not reached',
    );
  });

  it('counts a sample without keys as slow rather than flattering', () => {
    expect(slowdownThreshold([sample(0, fast), sample(50, [])], 50)).toBe(
      'typing p95 exceeds 50 ms from N=50 threads',
    );
  });

  it('has a value for every metric row, and a column per count in the table', () => {
    const samples = [sample(0, fast), sample(50, slow)];
    const values = threadsValues(samples);
    for (const metric of threadsMetrics([0, 50])) expect(values[metric.key]).toBeDefined();
    expect(values['n50.typingP95Ms']).toBe(80);
    expect(values['n50.loadPassMs']).toBe(5);
    expect(values['n50.typingPasses']).toBe('2 / 15');
    expect(values['n50.typingPassMaxMs']).toBe(4);
    const [header] = threadsTable(samples);
    expect(header?.split(/\s+/)).toEqual(['threads', '0', '50']);
  });
});
