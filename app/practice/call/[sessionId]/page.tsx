import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/auth/page-access';
import { NotYours } from '@/components/accounts/not-yours';
import { notFound, redirect } from 'next/navigation';
import { getSession } from '@/app/actions/practice';
import { PageError } from '@/components/practice/page-error';
import { PracticeCall } from '@/components/practice/practice-call';
import { realtimeBackend } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Practice call — Cue' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ sessionId: string }>; searchParams: Promise<{ start?: string }> };

/** One practice call. A finished session goes to its history page; an unfinished one can be joined or ended. */
export default async function PracticeCallPage({ params, searchParams }: Props) {
  const { sessionId } = await params;
  const { start } = await searchParams;
  await requireActor(`/practice/call/${sessionId}`);
  const result = await getSession({ sessionId });
  if (!result.ok) {
    if (result.error.code === 'not_found' || result.error.code === 'invalid_input') notFound();
    if (result.error.code === 'forbidden') return <NotYours what="practice call" message={result.error.message} backHref="/practice" backLabel="Back to practice" />;
    return <PageError title="This practice call could not be opened" message={result.error.message} />;
  }
  const session = result.data;
  if (session.status !== 'unfinished') redirect(`/history/${session.id}`);
  const elapsedSeconds = session.lastActivityAt ? Math.max(0, Math.round((session.lastActivityAt.getTime() - session.startedAt.getTime()) / 1000)) : 0;
  return (
    <PracticeCall
      backend={realtimeBackend()}
      autostart={start === 'mic' || start === 'none' ? start : null}
      setup={{
        sessionId: session.id,
        scenario: session.scenario,
        difficulty: session.difficulty,
        timeLimitSeconds: session.scenario.timeLimitMinutes * 60,
        savedItems: session.items,
        savedTags: session.tags,
        elapsedSeconds: session.items.length > 0 ? elapsedSeconds : 0,
      }}
    />
  );
}
