import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { difficultyScoringNote } from '@/lib/practice/debrief/scoring-note';
import { NOTHING_SAID_NOTE } from '@/lib/practice/history/session-record';
import { MetricsTable } from './metrics-table';

const PASS_MARK = 7;

function scoreTone(score: number): string {
  if (score >= 8) return 'text-emerald-700 bg-emerald-50 ring-emerald-200';
  if (score >= 5) return 'text-amber-800 bg-amber-50 ring-amber-200';
  return 'text-rose-700 bg-rose-50 ring-rose-200';
}

function List({ title, items, testId, tone }: { title: string; items: string[]; testId: string; tone: 'good' | 'work' }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="text-sm font-semibold text-ink">{title}</h3>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">Nothing noted.</p>
      ) : (
        <ul data-testid={testId} className="mt-2 space-y-1.5 text-sm leading-6 text-slate-700">
          {items.map((s) => (
            <li key={s} className="flex gap-2">
              <span aria-hidden className={tone === 'good' ? 'text-emerald-600' : 'text-amber-600'}>
                {tone === 'good' ? '✓' : '→'}
              </span>
              <span>{s}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The debrief of one session: score, summary, strengths, improvements, takeaway, criteria with evidence, delivery metrics. */
export function DebriefView({ session }: { session: PracticeSessionDetail }) {
  const { debrief, metrics } = session;
  if (!debrief) {
    return (
      <section data-testid="debrief-missing" data-status={session.status} className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        {session.status === 'unfinished'
          ? 'This call never ended (the page was closed or the server stopped), so it has no debrief. Open it from Practice to end it and get one.'
          : session.status === 'nothing_said'
            ? NOTHING_SAID_NOTE
            : 'The call ended but its debrief was not saved. Open it again to produce one.'}
      </section>
    );
  }
  const metCount = debrief.criteria.filter((c) => c.met).length;

  return (
    <div className="space-y-4" data-testid="debrief" data-source={debrief.source}>
      <section className="flex flex-wrap items-start gap-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className={`flex h-28 w-28 shrink-0 flex-col items-center justify-center rounded-2xl ring-1 ${scoreTone(debrief.score)}`}>
          <span data-testid="debrief-score" className="text-5xl font-bold tabular-nums leading-none">
            {debrief.score}
          </span>
          <span className="mt-1 text-xs font-medium">out of 10</span>
        </div>
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <span
              data-testid="debrief-source"
              className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${
                debrief.source === 'rubric' ? 'bg-slate-100 text-slate-700 ring-slate-300' : 'bg-cue-soft text-cue ring-indigo-200'
              }`}
            >
              {debrief.source === 'rubric' ? 'Offline rubric (no AI)' : 'AI coach'}
            </span>
            <span className="text-xs text-slate-500">
              {DIFFICULTY_PROFILES[session.difficulty].label} · {metCount}/{debrief.criteria.length} criteria met ·{' '}
              {debrief.score >= PASS_MARK ? 'pass' : `pass mark ${PASS_MARK}`}
            </span>
          </div>
          <p data-testid="debrief-summary" className="text-base leading-7 text-slate-800">
            {debrief.summary}
          </p>
          <p className="rounded-lg bg-cue-soft px-3 py-2 text-sm text-ink">
            <span className="font-semibold">Key takeaway: </span>
            <span data-testid="debrief-takeaway">{debrief.keyTakeaway}</span>
          </p>
          {debrief.notes.length > 0 ? (
            <ul className="space-y-0.5 text-xs text-slate-500">
              {debrief.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </section>

      <section data-testid="debrief-difficulty-note" className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <h3 className="text-sm font-semibold text-ink">How {DIFFICULTY_PROFILES[session.difficulty].label} bears on this score</h3>
        <ul className="mt-1.5 list-disc space-y-1 pl-5 text-sm leading-6 text-slate-700">
          {difficultyScoringNote(debrief.source, session.difficulty, session.scenario.persona.name).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        <List title="Strengths" items={debrief.strengths} testId="debrief-strengths" tone="good" />
        <List title="Improvements" items={debrief.improvements} testId="debrief-improvements" tone="work" />
      </div>

      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h3 className="text-sm font-semibold text-ink">Success criteria</h3>
        <ul data-testid="debrief-criteria" className="mt-2 divide-y divide-slate-100">
          {debrief.criteria.map((c) => (
            <li key={c.criterion} data-testid="criterion" data-met={c.met} className="flex gap-3 py-2.5 text-sm">
              <span
                className={`mt-0.5 h-fit shrink-0 rounded-full px-2 py-0.5 text-xs font-bold ${c.met ? 'bg-emerald-100 text-emerald-800' : 'bg-rose-100 text-rose-800'}`}
              >
                {c.met ? 'YES' : 'NO'}
              </span>
              <div className="min-w-0">
                <p className="font-medium text-slate-800">{c.criterion}</p>
                {c.evidence ? (
                  <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 italic text-slate-600">“{c.evidence}”</blockquote>
                ) : (
                  <p className="mt-1 text-slate-500">No evidence in your words.</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>

      {metrics ? <MetricsTable metrics={metrics} /> : null}
    </div>
  );
}
