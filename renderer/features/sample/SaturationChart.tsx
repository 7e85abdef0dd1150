import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useRef } from 'react';
import type { SaturationCurve } from '../../../shared/sample/saturation';
import { saturationAxisLabels } from '../../../shared/sample/saturation';
import { ChartLegend, layoutLegend } from '../../components/ChartLegend';
import { ChartTools } from '../reports/exportTools';

const WIDTH = 560;
const PLOT_HEIGHT = 216;
const M = { top: 16, right: 16, left: 52 };
const BAR = '#84adff';
const LINE = '#1f2328';
const MUTED = '#667085';
/** Room below the plot for interview labels: level ones take one line, slanted ones up to ~12 characters. */
const LEVEL_LABELS = 20;
const SLANTED_LABELS = 66;

/**
 * New codes per successive interview (bars) and the cumulative number of codes (line), the x axis
 * naming each interview. Colours and fonts are attributes, not CSS, so a saved SVG or PNG looks the same.
 */
export function SaturationChart({ curve }: { curve: SaturationCurve }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const { points } = curve;
  if (points.length === 0)
    return (
      <p className="muted">The curve appears once interviews have a date and a linked, coded transcript.</p>
    );
  const x = scaleLinear()
    .domain([0.5, points.length + 0.5])
    .range([M.left, WIDTH - M.right]);
  const axis = saturationAxisLabels(points, WIDTH - M.left - M.right);
  const plotBottom = M.top + PLOT_HEIGHT;
  const titleY = plotBottom + (axis.slanted ? SLANTED_LABELS : LEVEL_LABELS) + 16;
  const legend = layoutLegend(
    [
      { key: 'new', label: 'New codes in the interview', colour: BAR, mark: 'box' },
      { key: 'cumulative', label: 'Codes used so far', colour: LINE, mark: 'line' },
    ],
    WIDTH - M.left - M.right,
  );
  const height = titleY + 10 + legend.height + 6;
  const maxY = Math.max(1, ...points.map((p) => p.cumulativeCodes));
  const y = scaleLinear().domain([0, maxY]).nice(5).range([plotBottom, M.top]);
  const band = Math.max(2, ((WIDTH - M.left - M.right) / points.length) * 0.6);
  const cumulative = line<(typeof points)[number]>()
    .x((p) => x(p.n))
    .y((p) => y(p.cumulativeCodes))(points);
  return (
    <figure className="saturation-chart">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-label={`Saturation curve: new codes in each of ${points.length} interviews`}
        fontFamily="sans-serif"
        fontSize={11}
      >
        <rect width={WIDTH} height={height} fill="#ffffff" />
        {y
          .ticks(5)
          // Counts are whole numbers: a tick at 2.5 documents means nothing.
          .filter(Number.isInteger)
          .map((t) => (
            <g key={t}>
              <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} stroke="#e5e7eb" />
              <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fill={MUTED}>
                {t}
              </text>
            </g>
          ))}
        {points.map((p) => (
          <rect
            key={p.n}
            fill={BAR}
            x={x(p.n) - band / 2}
            y={y(p.newCodes)}
            width={band}
            height={y(0) - y(p.newCodes)}
          >
            <title>{`${p.n}. ${p.label} (${p.date}): ${p.newCodes} new, ${p.cumulativeCodes} in all`}</title>
          </rect>
        ))}
        {cumulative && <path d={cumulative} fill="none" stroke={LINE} strokeWidth={1.5} />}
        <g data-axis="x" fill={MUTED}>
          {axis.ticks.map((t) => (
            <g key={t.n}>
              <title>{t.label}</title>
              {axis.slanted ? (
                <text transform={`translate(${x(t.n)}, ${plotBottom + 12}) rotate(-45)`} textAnchor="end">
                  {t.text}
                </text>
              ) : (
                <text x={x(t.n)} y={plotBottom + 16} textAnchor="middle">
                  {t.text}
                </text>
              )}
            </g>
          ))}
        </g>
        <text x={(M.left + WIDTH - M.right) / 2} y={titleY} textAnchor="middle" fontSize={12}>
          Interview, in order of interview date (N = {points.length})
        </text>
        <text
          transform={`translate(14,${(M.top + plotBottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={12}
        >
          Codes
        </text>
        <ChartLegend layout={legend} x={M.left} y={titleY + 10} />
      </svg>
      {curve.undated.length > 0 && (
        <figcaption className="muted">Left out (no interview date): {curve.undated.join(', ')}.</figcaption>
      )}
      <ChartTools svgRef={svgRef} name="saturation" />
    </figure>
  );
}
