import { describe, expect, it } from 'vitest';
import { informational, notMeasured, underLimit, withinRatio } from '../../bench/figures';
import { figureKey, formatGrowthMarkdown, growthRows } from '../../bench/growth';
import { codersAt, scalesFrom } from '../../bench/scales';

describe('growth from the 1× study to the 10× one', () => {
  it('pairs a figure across scales although its name carries the study counts', () => {
    expect(figureKey('import 648 documents (13 MB)')).toBe(figureKey('import 6480 documents (130 MB)'));
    expect(figureKey('evidence for a 5,000-segment code')).toBe(
      figureKey('evidence for a 50,000-segment code'),
    );
    expect(figureKey('search term (285 docs): hit list')).not.toBe(
      figureKey('search term: first 100 snippets'),
    );
  });

  it('gives each figure its 10× value over its 1× value', () => {
    const small = [
      withinRatio('import 648 documents (13 MB)', 400, 300, 'ms', 1.5),
      underLimit('counts over time (2002–2023)', 30, 'ms', 100),
      informational('project file size (whole study)', 70, 'MB'),
      underLimit('agreement of 2 coders', 300, 'ms', 1000),
    ];
    const large = [
      withinRatio('import 6480 documents (130 MB)', 4400, 3000, 'ms', 1.5),
      underLimit('counts over time (2002–2023)', 600, 'ms', 500),
      informational('project file size (whole study)', 700, 'MB'),
      notMeasured('co-occurrence 60×60, unit segments', 'ms', '< 500 ms', 'call failed'),
    ];
    const rows = growthRows(small, large);
    expect(rows.map((r) => [r.name, r.growth])).toEqual([
      ['import 6480 documents (130 MB)', 11],
      ['counts over time (2002–2023)', 20],
      ['project file size (whole study)', 10],
      ['co-occurrence 60×60, unit segments', null],
      ['agreement of 2 coders', null],
    ]);
    const table = formatGrowthMarkdown(rows);
    const lines = table.split('\n');
    expect(lines[0]).toBe('| figure | 1× | 10× | growth 1×→10× | target | 1× result | 10× result |');
    expect(lines[2]).toBe(
      '| import 6480 documents (130 MB) | 400 ms (1.33× baseline) | 4400 ms (1.47× baseline) | 11× | ≤ 1.5× baseline | pass | pass |',
    );
    expect(lines[3]).toBe('| counts over time (2002–2023) | 30 ms | 600 ms | 20× | < 500 ms | pass | FAIL |');
    expect(lines[5]).toContain('| not measured (call failed) |');
    expect(lines[6]).toBe(
      '| agreement of 2 coders | 300 ms | not run at this scale |  | < 1000 ms | pass |  |',
    );
  });

  it('reads the scale switch', () => {
    expect(scalesFrom(undefined)).toEqual([1, 10]);
    expect(scalesFrom('both')).toEqual([1, 10]);
    expect(scalesFrom('10')).toEqual([10]);
    expect(scalesFrom('1, 3')).toEqual([1, 3]);
    expect(() => scalesFrom('ten')).toThrow(/PASSAGE_BENCH_SCALE must be 1, 10, both/);
    expect(codersAt(1)).toHaveLength(1);
    expect(codersAt(10)).toHaveLength(4);
  });
});
