'use client';

import { useState, type FormEvent } from 'react';
import { useAssist, useAssistState } from './assist-context';
import { button, ErrorLine, input, Panel } from './ui';

/** The streamed suggested reply with the policy or article it rests on and the tool calls made. */

const QUICK = ['What should I say next?', 'What does the policy allow here?', 'How do I calm the customer down?'];

export function SuggestionPanel() {
  const { driver } = useAssist();
  const s = useAssistState((st) => st.suggestion);
  const live = useAssistState((st) => st.phase === 'live');
  const [q, setQ] = useState('');
  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    driver.ask(q.trim());
    setQ('');
  };
  return (
    <Panel
      title="Suggested reply"
      testId="assist-suggestion"
      right={s.status === 'streaming' ? <span className="text-xs text-amber-600">thinking…</span> : s.ms !== null ? <span className="text-xs text-slate-400">{s.ms} ms</span> : null}
    >
      {s.question ? <p className="mb-1 text-xs text-slate-500">You asked: {s.question}</p> : null}
      <p data-testid="assist-suggestion-text" className="min-h-[3rem] whitespace-pre-wrap text-[15px] leading-snug text-slate-900">
        {s.text || (s.status === 'idle' ? <span className="text-sm text-slate-400">A suggestion follows each thing the customer says.</span> : null)}
      </p>
      {s.sources.length > 0 ? (
        <div className="mt-2 flex flex-wrap gap-1" data-testid="assist-sources">
          {s.sources.map((src) => (
            <a key={src.id} href={src.url} target="_blank" rel="noreferrer" className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 hover:underline">
              {src.kind === 'policy' ? 'Policy' : 'Article'}: {src.title}
            </a>
          ))}
        </div>
      ) : null}
      {s.tools.length > 0 ? (
        <details className="mt-2 text-xs text-slate-600" open data-testid="assist-tools">
          <summary className="cursor-pointer font-medium">Tool calls ({s.tools.length})</summary>
          <ul className="mt-1 space-y-0.5 font-mono">
            {s.tools.map((t, i) => (
              <li key={i} data-testid="assist-tool-call">
                {t.name}({t.args}) → <span className="text-slate-800">{t.summary ?? '…'}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ErrorLine message={s.status === 'error' ? s.message : null} testId="assist-suggestion-error" />
      <div className="mt-3 flex flex-wrap gap-1.5 border-t border-slate-100 pt-2">
        {QUICK.map((label) => (
          <button key={label} type="button" className={`${button} text-xs`} disabled={!live} onClick={() => driver.ask(label)}>{label}</button>
        ))}
      </div>
      <form onSubmit={ask} className="mt-2 flex gap-2">
        <input className={input} placeholder="Ask the assistant" value={q} onChange={(e) => setQ(e.target.value)} disabled={!live} maxLength={500} />
        <button type="submit" className={button} disabled={!live || !q.trim()}>Ask</button>
      </form>
    </Panel>
  );
}
