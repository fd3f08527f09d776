import { layoutSeries, linePath, SCORE_CHART_BOX, yFor } from '@/lib/practice/history/chart-geometry';
import type { ScorePoint } from '@/lib/contracts/practice-session';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';

const DOMAIN = { min: 0, max: 10 };
const PASS_MARK = 7;
const DIFFICULTY_COLOR = { easy: '#10b981', medium: '#f59e0b', hard: '#e11d48' } as const;

function shortDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

/** Score per attempt, oldest left; first and best marked, pass mark dashed. Hand-written SVG. */
export function ScoreChart({ points, title }: { points: readonly ScorePoint[]; title: string }) {
  const box = SCORE_CHART_BOX;
  if (points.length === 0) {
    return <p className="rounded-lg bg-slate-50 p-4 text-sm text-slate-500">No scored attempts yet: end a call to get a score.</p>;
  }
  const plotted = layoutSeries(points.map((p) => ({ value: p.score, datum: p })), box, DOMAIN);
  const best = Math.max(...points.map((p) => p.score));
  const bestIndex = points.findIndex((p) => p.score === best);
  const left = box.padding.left;
  const right = box.width - box.padding.right;
  const passY = yFor(PASS_MARK, box, DOMAIN);

  return (
    <figure className="w-full" data-testid="score-chart" data-points={points.length}>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={`${title}: scores ${points.map((p) => p.score).join(', ')} out of 10`} className="h-auto w-full max-w-3xl">
        {[0, 2, 4, 6, 8, 10].map((v) => (
          <g key={v}>
            <line x1={left} x2={right} y1={yFor(v, box, DOMAIN)} y2={yFor(v, box, DOMAIN)} stroke="#e2e8f0" strokeWidth={1} />
            <text x={left - 8} y={yFor(v, box, DOMAIN) + 4} textAnchor="end" fontSize={11} fill="#64748b">
              {v}
            </text>
          </g>
        ))}
        <line x1={left} x2={right} y1={passY} y2={passY} stroke="#6366f1" strokeDasharray="5 4" strokeWidth={1} />
        <text x={right} y={passY - 4} textAnchor="end" fontSize={10} fill="#6366f1">
          pass mark {PASS_MARK}
        </text>
        <path d={linePath(plotted)} fill="none" stroke="#4f46e5" strokeWidth={2.5} strokeLinejoin="round" />
        {plotted.map((p, i) => (
          <g key={p.datum.sessionId} data-testid="score-point" data-score={p.datum.score}>
            <title>
              Attempt {i + 1}, {shortDate(p.datum.startedAt)}, {DIFFICULTY_PROFILES[p.datum.difficulty].label}: {p.datum.score}/10
            </title>
            <circle cx={p.x} cy={p.y} r={i === bestIndex ? 7 : 5} fill={DIFFICULTY_COLOR[p.datum.difficulty]} stroke="#fff" strokeWidth={2} />
            <text x={p.x} y={p.y - 11} textAnchor="middle" fontSize={12} fontWeight={600} fill="#0f172a">
              {p.datum.score}
            </text>
            <text x={p.x} y={box.height - box.padding.bottom + 16} textAnchor="middle" fontSize={11} fill="#64748b">
              #{i + 1}
            </text>
            <text x={p.x} y={box.height - box.padding.bottom + 29} textAnchor="middle" fontSize={10} fill="#94a3b8">
              {shortDate(p.datum.startedAt)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
        {(['easy', 'medium', 'hard'] as const).map((d) => (
          <span key={d} className="inline-flex items-center gap-1">
            <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: DIFFICULTY_COLOR[d] }} />
            {DIFFICULTY_PROFILES[d].label}
          </span>
        ))}
        <span>Larger dot = best attempt.</span>
      </figcaption>
    </figure>
  );
}
