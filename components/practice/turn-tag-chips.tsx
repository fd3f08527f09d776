import type { TurnTag } from '@/lib/contracts/turn-tag';

const SENTIMENT_STYLE: Readonly<Record<TurnTag['sentiment'], string>> = {
  neutral: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  skeptical: 'bg-amber-50 text-amber-900 ring-amber-200',
  frustrated: 'bg-rose-50 text-rose-800 ring-rose-200',
};

/** One turn tag as small chips: objection, difficulty, mood (and the next probe as a title). */
export function TurnTagChips({ tag }: { tag: TurnTag }) {
  return (
    <span data-testid="turn-tag" className="flex flex-wrap items-center gap-1 text-[11px] font-medium" title={tag.next_probe ? `Next probe: ${tag.next_probe}` : undefined}>
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 ring-1 ring-slate-200">{tag.objection_type}</span>
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 ring-1 ring-slate-200">difficulty {tag.difficulty}/5</span>
      <span className={`rounded-full px-2 py-0.5 ring-1 ${SENTIMENT_STYLE[tag.sentiment]}`}>{tag.sentiment}</span>
    </span>
  );
}
