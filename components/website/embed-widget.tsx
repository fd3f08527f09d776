'use client';

import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { SiteTheme } from '@/lib/contracts/website';
import { WidgetSession, type WidgetSetup } from '@/lib/website/embed/widget-session';
import { SendTextForm } from '@/components/send-text-form';
import { BookingPanel } from './booking-panel';
import { LeadForm } from './lead-form';
import { WidgetConversation } from './widget-conversation';

/** The page that embeds the widget: the frame's ancestor (Chromium, Safari), else the referrer, else widget.js's `host`. */
function hostOrigin(fallback: string): string {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? fallback;
  try {
    if (document.referrer) return new URL(document.referrer).origin;
  } catch {
    // no usable referrer
  }
  return fallback;
}

type Props = { setup: Omit<WidgetSetup, 'hostOrigin'>; theme: SiteTheme; hostHint: string };

/** The widget inside its iframe; rendered in the browser only (embed-widget-loader.tsx). */
export default function EmbedWidget({ setup, theme, hostHint }: Props) {
  const [session] = useState(() => new WidgetSession({ ...setup, hostOrigin: hostOrigin(hostHint) }));
  useEffect(() => {
    session.activate();
    return () => session.dispose();
  }, [session]);
  const state = useStore(session.store);
  const micActive = useStore(session.realtimeStore, (s) => s.micActive);
  const close = () => window.parent.postMessage({ type: 'cue-widget:close' }, '*');
  // The newest of the conversation and of what appears below it (sources, slots, forms, a
  // confirmation, a message) stays in view. A block body: scrollIntoView may return a promise.
  const bottom = useRef<HTMLDivElement>(null);
  const rev = useStore(session.realtimeStore, (s) => s.transcript.rev);
  const { sources, slots, bookingForm, booking, leadForm, leadSavedFor, message } = state;
  useEffect(() => {
    void bottom.current?.scrollIntoView({ block: 'end' });
  }, [rev, sources, slots, bookingForm, booking, leadForm, leadSavedFor, message]);

  return (
    <div className="fixed inset-0 z-50 flex flex-col bg-white text-slate-900" data-testid="embed-widget" data-phase={state.phase} data-conversation-phase={state.conversationPhase} data-mode={state.mode ?? ''}>
      <header className="flex items-center justify-between px-4 py-3 text-white" style={{ background: theme.color }}>
        <p className="font-semibold">{setup.siteName}</p>
        <button type="button" onClick={close} aria-label="Close the assistant" className="rounded px-2 text-lg leading-none hover:bg-white/20">
          ×
        </button>
      </header>
      <div className="flex-1 space-y-3 overflow-y-auto p-4">
        <p className="text-sm text-slate-700">Hi! I can answer questions about {setup.siteName} from its website, take your details or help you book a call.</p>
        {state.phase === 'intro' ? (
          <div className="space-y-3" data-testid="widget-consent">
            <div className="rounded-lg border border-slate-200 p-3 text-xs text-slate-600">
              <p className="font-medium text-slate-800">Talking by voice</p>
              <p>Your browser will ask for the microphone. It is used only while this conversation is open; what you say is turned into text to answer you. Conversations end after {setup.maxSessionMinutes} minutes.</p>
            </div>
            <button type="button" onClick={() => void session.start('voice')} className="w-full rounded-lg px-3 py-2 text-sm font-semibold text-white" style={{ background: theme.color }}>
              Allow microphone and talk
            </button>
            <button type="button" onClick={() => void session.start('text')} className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">
              Type instead
            </button>
          </div>
        ) : null}
        {state.fallback ? (
          <div role="status" data-testid="widget-fallback" className="rounded-lg bg-amber-50 p-3 text-xs text-amber-900">
            <p className="font-medium">{state.fallback.reason}</p>
            {state.fallback.help ? <p>To talk again: {state.fallback.help}</p> : null}
          </div>
        ) : null}
        {state.phase === 'connecting' ? <p className="text-sm text-slate-500">Connecting…</p> : null}
        <WidgetConversation realtimeStore={session.realtimeStore} sources={state.sources} color={theme.color} />
        <BookingPanel
          siteName={setup.siteName}
          color={theme.color}
          slots={state.slots}
          form={state.bookingForm}
          booking={state.booking}
          onPick={(slot) => session.openBookingForm(slot)}
          onSubmit={(fields) => void session.submitBooking(fields)}
          onCancel={() => session.cancelBooking()}
        />
        {state.leadForm ? (
          <LeadForm {...state.leadForm} onSubmit={(lead) => void session.submitLead(lead)} onCancel={() => session.cancelLead()} />
        ) : null}
        {state.leadSavedFor ? <p className="text-xs text-emerald-700" data-testid="lead-saved">Thanks, {state.leadSavedFor}: your details were sent to the team.</p> : null}
        {state.message ? (
          <p role="alert" data-testid="widget-message" className="rounded-lg bg-slate-100 p-3 text-sm text-slate-800">
            {state.message}
          </p>
        ) : null}
        <div ref={bottom} />
      </div>
      {state.phase === 'live' ? (
        <footer className="space-y-2 border-t border-slate-200 p-3">
          {state.mode === 'voice' ? (
            <div className="flex items-center justify-between text-xs text-slate-600">
              <span>{micActive ? 'Listening… speak any time.' : 'Starting the microphone…'}</span>
              <button type="button" onClick={() => session.useText()} className="underline">
                Type instead
              </button>
            </div>
          ) : null}
          <SendTextForm id="widget-text" label="Your message" placeholder="Type your question…" disabled={false} onSend={(t) => session.send(t)} />
          <div className="flex justify-between text-xs">
            <button type="button" onClick={() => session.openLeadForm()} className="text-slate-600 underline">
              Leave your details
            </button>
            <button type="button" onClick={() => session.end()} className="text-slate-600 underline">
              End conversation
            </button>
          </div>
        </footer>
      ) : null}
      {state.phase === 'ended' ? (
        <footer className="border-t border-slate-200 p-3">
          <button type="button" onClick={() => session.store.setState({ phase: 'intro', message: null, fallback: null })} className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm font-semibold">
            Start a new conversation
          </button>
        </footer>
      ) : null}
    </div>
  );
}
