import { describe, expect, it } from 'vitest';
import { NOT_COMPARABLE_KEY, type SectionResult } from './results';
import { renderSection } from './table';

const metrics = [{ key: 'p99Ms', label: 'p99', unit: 'ms', better: 'lower' as const, digits: 0 }];

describe('renderSection', () => {
  it('defaults to the three sync servers and atelier / hocuspocus', () => {
    const table = renderSection({
      title: 't',
      notes: [],
      metrics,
      values: { atelier: { p99Ms: 50 }, hocuspocus: { p99Ms: 100 } },
    });
    expect(table).toContain('atelier/hocuspocus');
    expect(table).toContain('y-websocket');
    expect(table).toContain('0.50x (better)');
  });

  it('uses the columns and ratios a section names, dropping only ratios with an incomplete run', () => {
    const section: SectionResult = {
      title: 'forum',
      notes: [],
      metrics,
      columns: ['atelier', 'socketio-bare', 'socketio-coalesced'],
      ratios: [
        { ours: 'atelier', theirs: 'socketio-bare' },
        { ours: 'atelier', theirs: 'socketio-coalesced' },
      ],
      values: {
        atelier: { p99Ms: 120 },
        'socketio-bare': { p99Ms: 60, [NOT_COMPARABLE_KEY]: 'incomplete run' },
        'socketio-coalesced': { p99Ms: 100 },
      },
    };
    const lines = renderSection(section).split('\n');
    const header = lines.find((line) => line.startsWith('metric')) ?? '';
    expect(header).toContain('atelier/socketio-bare');
    expect(header).toContain('atelier/socketio-coalesced');
    expect(header).not.toContain('hocuspocus');
    const row = lines.find((line) => line.startsWith('p99')) ?? '';
    expect(row).toMatch(/ - +1\.20x \(worse\)$/);
    expect(lines).toContain('   socketio-bare: incomplete run; no ratios involving it.');
  });
});
