import { formatClock } from '@/lib/shared/format';
import { attachTurnTags } from '@/lib/practice/history/transcript-tags';
import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';
import type { CoachComment } from '@/lib/contracts/coach-review';
import { TurnTagChips } from '@/components/practice/turn-tag-chips';


/** The whole conversation as saved, each client turn with the tag the persona gave it, and coach comments pinned to their moment. */
export function TaggedTranscript({ session, comments = [] }: { session: PracticeSessionDetail; comments?: CoachComment[] }) {
  const { rows, unplaced } = attachTurnTags(session.items, session.tags);
  const start = session.startedAt.getTime();
  if (rows.length === 0) return <p className="text-sm text-slate-500">Nothing was said in this session.</p>;
  return (
    <ol data-testid="session-transcript" className="space-y-3">
      {rows.map(({ item, tags }) => (
        <li key={item.itemId} data-testid="session-utterance" data-speaker={item.speaker} className="grid grid-cols-[3.5rem_minmax(0,1fr)] gap-3 text-sm">
          <span className="pt-0.5 text-xs tabular-nums text-slate-400">{formatClock(item.startedAt.getTime() - start)}</span>
          <div className="space-y-1">
            <p>
              <span className={`mr-2 font-semibold ${item.speaker === 'user' ? 'text-cue' : 'text-slate-800'}`}>{item.speaker === 'user' ? 'You' : session.scenario.persona.name}</span>
              <span className="leading-6 text-slate-800">{item.text}</span>
            </p>
            {tags.map((t) => (
              <div key={t.callId} className="flex flex-wrap items-center gap-2">
                <TurnTagChips tag={t} />
                {t.next_probe ? <span className="text-xs text-slate-500">next probe: {t.next_probe}</span> : null}
              </div>
            ))}
            {comments
              .filter((c) => c.itemId === item.itemId)
              .map((c) => (
                <p key={c.id} data-testid="coach-comment" className="rounded-lg border-l-4 border-indigo-400 bg-indigo-50 px-3 py-1.5 text-sm text-indigo-950">
                  <span className="mr-1 font-semibold">Coach {c.coachName}:</span>
                  {c.body}
                </p>
              ))}
          </div>
        </li>
      ))}
      {unplaced.length > 0 ? <li className="text-xs text-slate-500">{unplaced.length} turn tag(s) could not be matched to a client turn.</li> : null}
    </ol>
  );
}
