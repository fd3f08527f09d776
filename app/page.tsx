import Link from 'next/link';
import { requireActor } from '@/lib/server/auth/page-access';
import { BackendBadge } from '@/components/live/backend-badge';
import { realtimeBackend } from '@/lib/server/env';
import { readEngineSpeech } from '@/lib/server/model-access/engine-speech';

// The backend is read from the server's environment at request time, not at build time.
export const dynamic = 'force-dynamic';

const uses = [
  {
    href: '/live',
    title: 'Live hint assistant',
    body: 'Keep it open in a meeting. It listens quietly and speaks a short hint in your earpiece only when you ask — by phrase ("good question") or button — and stops the moment you say "got it".',
    cta: 'Open the live assistant',
    testId: 'home-live-link',
  },
  {
    href: '/practice',
    title: 'Role-play practice',
    body: 'Rehearse a hard conversation with a demanding client persona, then get a scored debrief with delivery metrics. Your attempts are kept so you can see progress.',
    cta: 'Start practising',
    testId: 'home-practice-link',
  },
] as const;

export default async function HomePage() {
  await requireActor('/');
  const backend = realtimeBackend();
  const speech = backend === 'local' ? await readEngineSpeech() : null;
  return (
    <div className="space-y-10">
      <section className="space-y-3 pt-6">
        <h1 className="text-3xl font-semibold tracking-tight text-ink">Cue — a voice coach for the moments that matter</h1>
        <p className="max-w-2xl text-slate-600">
          Cue is a realtime voice coach: a silent assistant that whispers hints during live meetings, and a practice partner that
          plays your toughest client so you can rehearse before the real call.
        </p>
        <p data-testid="home-backend" className="max-w-3xl text-sm leading-7 text-slate-600">
          <BackendBadge backend={backend} speech={speech} />{' '}
          <span>
            {backend === 'local'
              ? speech?.recognition.available
                ? 'Replies are scripted; speech is recognised offline, so say a trigger phrase (or type meeting lines) to try the hints. Set OPENAI_API_KEY to use OpenAI.'
                : 'Replies are scripted and speech is not transcribed: type meeting lines to try the hints. Set OPENAI_API_KEY to use OpenAI.'
              : 'Calls use the OpenAI Realtime API.'}
          </span>
        </p>
      </section>
      <section className="grid gap-4 md:grid-cols-2">
        {uses.map((u) => (
          <article key={u.href} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold text-ink">{u.title}</h2>
            <p className="mt-2 flex-1 text-sm leading-6 text-slate-600">{u.body}</p>
            <Link
              href={u.href}
              data-testid={u.testId}
              className="mt-4 inline-flex w-fit items-center rounded-lg bg-cue px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
            >
              {u.cta} →
            </Link>
          </article>
        ))}
      </section>
    </div>
  );
}
