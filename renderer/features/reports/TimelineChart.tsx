import { scaleBand, scaleLinear, scaleOrdinal } from 'd3-scale';
import { line, stack } from 'd3-shape';
import { useRef } from 'react';
import type { TimelineReport } from '../../../shared/reports/model';
import { ChartLegend, layoutLegend } from '../../components/ChartLegend';
import { ChartTools } from './exportTools';

const WIDTH = 640;
const HEIGHT = 320;
const M = { top: 20, right: 20, bottom: 44, left: 48 };
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#be185d', '#4b5563'];

/** Counts per year as bars (stacked for several series) or lines, with axes, legend and N, all in the SVG. */
export function TimelineChart({ report, kind }: { report: TimelineReport; kind: 'bar' | 'line' }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const years = report.years.map(String);
  const x = scaleBand<string>()
    .domain(years)
    .range([M.left, WIDTH - M.right])
    .padding(0.2);
  const stacked = kind === 'bar';
  const maxValue = stacked
    ? Math.max(0, ...report.years.map((_, i) => report.series.reduce((a, s) => a + (s.counts[i] ?? 0), 0)))
    : Math.max(0, ...report.series.flatMap((s) => s.counts));
  const y = scaleLinear()
    .domain([0, Math.max(1, maxValue)])
    .nice(5)
    .range([HEIGHT - M.bottom, M.top]);
  const color = scaleOrdinal<string, string>()
    .domain(report.series.map((s) => s.key))
    .range(PALETTE);
  const colorOf = (key: string, own: string | null) => own ?? color(key);
  const rows = report.years.map((_, i) =>
    Object.fromEntries(report.series.map((s) => [s.key, s.counts[i] ?? 0])),
  );
  const layers = stack<Record<string, number>>().keys(report.series.map((s) => s.key))(rows);
  const unitLabel = report.unit === 'documents' ? 'Documents' : 'Segments';
  const total = report.totals.reduce((a, b) => a + b, 0);
  const legend = layoutLegend(
    report.series.map((s) => ({
      key: s.key,
      label: s.label,
      detail: `(N = ${s.n})`,
      colour: colorOf(s.key, s.color),
      mark: stacked ? ('box' as const) : ('line' as const),
    })),
    WIDTH - M.left - M.right,
  );
  const height = HEIGHT + (legend.height > 0 ? legend.height + 8 : 0);
  return (
    <figure className="report-chart">
      <svg
        ref={svgRef}
        width={WIDTH}
        height={height}
        role="img"
        aria-label={`${unitLabel} per year`}
        fontFamily="sans-serif"
        fontSize={11}
      >
        <rect width={WIDTH} height={height} fill="#ffffff" />
        {y
          .ticks(5)
          // Counts are whole numbers: a tick at 2.5 documents means nothing.
          .filter(Number.isInteger)
          .map((t) => (
            <g key={t} transform={`translate(0, ${y(t)})`}>
              <line x1={M.left} x2={WIDTH - M.right} stroke="#e5e7eb" />
              <text x={M.left - 6} textAnchor="end" dominantBaseline="middle">
                {t}
              </text>
            </g>
          ))}
        {years.map((year) => (
          <text
            key={year}
            x={(x(year) ?? 0) + x.bandwidth() / 2}
            y={HEIGHT - M.bottom + 14}
            textAnchor="middle"
          >
            {year}
          </text>
        ))}
        <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 8} textAnchor="middle">
          Year (N = {total})
        </text>
        <text transform={`translate(12, ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`} textAnchor="middle">
          {unitLabel}
        </text>
        {stacked
          ? layers.map((layer, li) => {
              const series = report.series[li]!;
              return (
                <g key={series.key} fill={colorOf(series.key, series.color)}>
                  {layer.map((d, i) => (
                    <rect
                      key={years[i]}
                      x={x(years[i]!) ?? 0}
                      width={x.bandwidth()}
                      y={y(d[1])}
                      height={Math.max(0, y(d[0]) - y(d[1]))}
                    >
                      <title>{`${series.label}, ${years[i]}: ${d[1] - d[0]}`}</title>
                    </rect>
                  ))}
                </g>
              );
            })
          : report.series.map((series) => (
              <path
                key={series.key}
                fill="none"
                strokeWidth={2}
                stroke={colorOf(series.key, series.color)}
                d={
                  line<number>()
                    .x((_, i) => (x(years[i]!) ?? 0) + x.bandwidth() / 2)
                    .y((v) => y(v))(series.counts) ?? ''
                }
              />
            ))}
        <ChartLegend layout={legend} x={M.left} y={HEIGHT + 4} />
      </svg>
      {report.undated > 0 && (
        <figcaption className="muted">{report.undated} documents without a date are not shown.</figcaption>
      )}
      <ChartTools svgRef={svgRef} name="counts-over-time" />
    </figure>
  );
}
