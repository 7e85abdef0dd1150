import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { SaturationCurve } from '../../../shared/sample/saturation';

const WIDTH = 560;
const HEIGHT = 260;
const M = { top: 16, right: 16, bottom: 44, left: 52 };

/** New codes per successive interview (bars) and the cumulative number of codes (line). */
export function SaturationChart({ curve }: { curve: SaturationCurve }) {
  const { points } = curve;
  if (points.length === 0)
    return (
      <p className="muted">The curve appears once interviews have a date and a linked, coded transcript.</p>
    );
  const x = scaleLinear()
    .domain([0.5, points.length + 0.5])
    .range([M.left, WIDTH - M.right]);
  const maxY = Math.max(1, ...points.map((p) => p.cumulativeCodes));
  const y = scaleLinear()
    .domain([0, maxY])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const band = Math.max(2, ((WIDTH - M.left - M.right) / points.length) * 0.6);
  const cumulative = line<(typeof points)[number]>()
    .x((p) => x(p.n))
    .y((p) => y(p.cumulativeCodes))(points);
  const xTicks =
    points.length <= 20 ? points.map((p) => p.n) : x.ticks(10).filter((t) => Number.isInteger(t) && t >= 1);
  return (
    <figure className="saturation-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`Saturation curve: new codes in each of ${points.length} interviews`}
      >
        {y.ticks(5).map((t) => (
          <g key={t}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className="chart-tick">
              {t}
            </text>
          </g>
        ))}
        {points.map((p) => (
          <rect
            key={p.n}
            className="chart-bar"
            x={x(p.n) - band / 2}
            y={y(p.newCodes)}
            width={band}
            height={y(0) - y(p.newCodes)}
          >
            <title>{`${p.n}. ${p.label} (${p.date}): ${p.newCodes} new, ${p.cumulativeCodes} in all`}</title>
          </rect>
        ))}
        {cumulative && <path d={cumulative} className="chart-line" />}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - M.bottom + 16} textAnchor="middle" className="chart-tick">
            {t}
          </text>
        ))}
        <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-axis">
          Interview, in order of interview date (N = {points.length})
        </text>
        <text
          transform={`translate(14,${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="chart-axis"
        >
          Codes
        </text>
      </svg>
      <figcaption className="muted">
        Bars: codes first used in that interview. Line: codes used so far.
        {curve.undated.length > 0 && ` Left out (no interview date): ${curve.undated.join(', ')}.`}
      </figcaption>
    </figure>
  );
}
