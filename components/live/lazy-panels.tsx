'use client';

import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';
import { whenIdle } from '@/lib/shared/when-idle';
import { TranscriptEmpty } from './transcript-empty';
import type { Backend } from '@/lib/realtime/store/types';

/**
 * The transcript and the event log load just after the page: both are virtualised lists
 * (@tanstack/react-virtual, the largest part of the live page's own code) with nothing to
 * list before a call. Until they arrive (when the page is idle, or at once when there is
 * something to show) a frame that looks like their empty state holds their place. If the
 * download fails, the frame says so and offers a retry.
 */

type Loaded<P> = { Panel: ComponentType<P> | null; failure: string | null; retry: () => void };

function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): (needed: boolean) => Loaded<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const get = () =>
    (loading ??= load().then(
      (panel) => (loaded = panel),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return function useLoadedPanel(needed) {
    const [Panel, setPanel] = useState<ComponentType<P> | null>(() => loaded);
    const [failure, setFailure] = useState<string | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Panel) return;
      let active = true;
      const go = () =>
        void get().then(
          (panel) => {
            if (active) setPanel(() => panel);
          },
          (error: unknown) => {
            if (active) setFailure(error instanceof Error && error.message ? error.message : 'download failed');
          },
        );
      if (needed || attempt > 0) {
        go();
        return () => {
          active = false;
        };
      }
      const cancel = whenIdle(go);
      return () => {
        active = false;
        cancel();
      };
    }, [Panel, needed, attempt]);
    return {
      Panel,
      failure,
      retry: () => {
        setFailure(null);
        setAttempt((n) => n + 1);
      },
    };
  }
}

const useTranscriptView = lazyPanel(() => import('./transcript-view').then((m) => m.TranscriptView));
const useEventLogPanel = lazyPanel(() => import('./event-log-panel').then((m) => m.EventLogPanel));
const useThemChannelBar = lazyPanel(() => import('./them-channel-bar').then((m) => m.ThemChannelBar));

function Failure({ what, failure, retry }: { what: string; failure: string; retry: () => void }): ReactNode {
  return (
    <div role="alert" className="px-4 py-6 text-center text-sm text-rose-800">
      The {what} could not be loaded ({failure.replace(/\.$/, '')}).{' '}
      <button type="button" onClick={retry} className="font-medium underline">
        Try again
      </button>
    </div>
  );
}

export function TranscriptView(props: { backend: Backend; hintAgent: boolean; hears: boolean }) {
  const needed = useRealtimeStore((s) => s.transcript.order.length > 0);
  const { Panel, failure, retry } = useTranscriptView(needed);
  if (Panel) return <Panel {...props} />;
  return (
    <div className="relative min-h-0 flex-1" aria-busy="true">
      <div className="h-full overflow-y-auto px-4">{failure ? <Failure what="transcript" failure={failure} retry={retry} /> : <TranscriptEmpty {...props} />}</div>
    </div>
  );
}

export function EventLogPanel() {
  const needed = useRealtimeStore((s) => s.events.length > 0);
  const { Panel, failure, retry } = useEventLogPanel(needed);
  if (Panel) return <Panel />;
  return (
    <section aria-label="Event log" aria-busy="true" className="flex min-h-0 flex-1 flex-col rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-800">Events</h2>
        <span className="text-xs text-slate-500">0</span>
        {/* Keeps the header the height the real one has with its filter field. */}
        <input aria-hidden tabIndex={-1} readOnly className="invisible ml-auto w-32 rounded-md border px-2 py-1 text-xs" />
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {failure ? <Failure what="event log" failure={failure} retry={retry} /> : <p className="px-3 py-6 text-center text-xs text-slate-500">No events yet.</p>}
      </div>
    </section>
  );
}

/** Their channel's bar (status, typed lines, talk ratio): loads with the page's idle work, at once when a call starts. */
export function ThemChannelBar() {
  const needed = useRealtimeStore((s) => s.connection !== 'disconnected');
  const { Panel, failure, retry } = useThemChannelBar(needed);
  if (Panel) return <Panel />;
  return (
    <div data-testid="them-channel-loading" aria-busy="true" className="min-h-[3.25rem] rounded-xl border border-violet-200 bg-violet-50/60">
      {failure ? <Failure what="channel bar" failure={failure} retry={retry} /> : null}
    </div>
  );
}
