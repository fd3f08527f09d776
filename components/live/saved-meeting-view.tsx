import type { LiveSessionDetail, LiveSessionLine } from '@/lib/live/meeting/saved-meeting';
import { interruptedText } from '@/lib/live/hints/hint-words';
import { formatClock } from '@/lib/shared/format';
import { rowChannel } from '@/lib/live/transcript/channels';

const HINT_STYLE = {
  quick: { card: 'border-amber-400 bg-amber-50', head: 'text-amber-800', label: 'Quick hint' },
  full: { card: 'border-indigo-400 bg-indigo-50', head: 'text-indigo-800', label: 'Full guidance' },
} as const;

function hintEnd(line: LiveSessionLine): string {
  const status = line.hint?.status ?? (line.hint?.interrupted ? 'interrupted' : 'done');
  if (status === 'interrupted') return interruptedText(null);
  return status === 'failed' ? 'failed' : 'done';
}

function Line({ line, startedAt, meeting }: { line: LiveSessionLine; startedAt: number; meeting: boolean }) {
  const when = formatClock(line.at - startedAt);
  if (line.role === 'hint' && line.hint) {
    const style = HINT_STYLE[line.hint.kind];
    const trigger = line.hint.trigger === 'button' || line.hint.trigger === 'shortcut' ? line.hint.trigger : `“${line.hint.trigger}”`;
    return (
      <li data-testid="saved-line" data-role="hint" className={`mx-auto w-[92%] rounded-xl border-l-4 px-4 py-2 ${style.card}`}>
        <p className={`flex flex-wrap gap-x-2 text-xs font-semibold uppercase tracking-wide ${style.head}`}>
          <span className="font-mono font-normal">{when}</span>
          <span>{style.label}</span>
          <span className="font-normal normal-case">· {trigger}</span>
          <span className="ml-auto font-normal normal-case">{hintEnd(line)}</span>
        </p>
        <p className="mt-1 whitespace-pre-wrap text-sm leading-6 text-slate-900">{line.text || <span className="italic opacity-70">(no words)</span>}</p>
      </li>
    );
  }
  const mine = line.role === 'user';
  const channel = mine ? rowChannel({ text: line.text, source: line.source ?? 'voice' }) : null;
  const them = channel?.channel === 'them';
  return (
    <li data-testid="saved-line" data-role={line.role} className={`flex flex-col gap-0.5 ${mine ? 'items-start' : 'items-end'}`}>
      <span className="flex gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
        <span className="font-mono font-normal normal-case">{when}</span>
        {mine ? (them ? 'Them' : 'You') : 'Cue'}
        {channel && (meeting || them || channel.source === 'typed') ? <span className="normal-case text-slate-400">{channel.source === 'tab' ? 'tab audio' : channel.source}</span> : null}
      </span>
      <p className={`max-w-[85%] whitespace-pre-wrap rounded-2xl px-4 py-2 text-sm leading-6 text-slate-900 ${them ? 'rounded-tl-sm bg-violet-50 ring-1 ring-violet-100' : mine ? 'rounded-tl-sm bg-slate-100' : 'rounded-tr-sm bg-sky-50 ring-1 ring-sky-100'}`}>
        {channel ? channel.text : line.text}
      </p>
    </li>
  );
}

/** A saved meeting's transcript, as it was on screen: meeting lines, Cue's words and the hint cards, with time offsets. */
export function SavedMeetingView({ meeting }: { meeting: LiveSessionDetail }) {
  const startedAt = meeting.startedAt.getTime();
  return (
    <ol data-testid="saved-transcript" className="space-y-3">
      {meeting.lines.map((line) => (
        <Line key={line.id} line={line} startedAt={startedAt} meeting={meeting.agentId === 'hint-assistant'} />
      ))}
    </ol>
  );
}
