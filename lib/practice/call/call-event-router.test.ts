import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { CallEventRouter } from './call-event-router';
import { EscalationDriver, type FiredEscalation } from './escalation-driver';
import { UtteranceTracker } from './utterance-tracker';

/** The GA service transcribes asynchronously: the user's words can complete after the client's reply started. */
function setup() {
  const calls: string[] = [];
  let clientTurns = 1;
  const driver = new EscalationDriver(
    defaultScenario(),
    'medium',
    {
      interruptCurrent: () => calls.push('interrupt'),
      cancelResponse: (id) => calls.push(`cancel:${id ?? 'active'}`),
      dropAudio: (id) => calls.push(`drop:${id}`),
      requestResponse: () => calls.push('request'),
      held: () => calls.push('held'),
    },
    () => 1000,
  );
  const fired: FiredEscalation[] = [];
  const hidden: string[] = [];
  const router = new CallEventRouter({
    tracker: new UtteranceTracker(),
    driver,
    now: () => 1000,
    clientTurns: () => clientTurns,
    onEscalation: (e) => fired.push(e),
    onHidden: (ids) => hidden.push(...ids),
    onHistory: () => undefined,
  });
  const reply = (id: string) => {
    clientTurns += 1;
    router.handle({ type: 'response.created', response: { id, metadata: null } });
    router.handle({ type: 'response.output_item.added', response_id: id, item: { id: `item_${id}`, type: 'message' } });
  };
  return { router, calls, fired, hidden, reply };
}

describe('CallEventRouter under the service order', () => {
  it('transcription completing after the automatic reply started still fires the escalation and hides that reply', () => {
    const t = setup();
    t.router.handle({ type: 'input_audio_buffer.speech_started', item_id: 'u1', audio_start_ms: 0 });
    t.router.handle({ type: 'input_audio_buffer.speech_stopped', item_id: 'u1', audio_end_ms: 1200 });
    t.reply('r_auto');
    t.router.handle({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'u1', transcript: 'Honestly that is not our fault' });
    expect(t.fired).toHaveLength(1);
    expect(t.hidden).toContain('item_r_auto');
    expect(t.calls).toContain('request');
  });

  it('counts the cooldown from when the user finished speaking, not from when the words arrived', () => {
    const t = setup();
    t.router.handle({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'u0', transcript: 'It is not our fault' });
    expect(t.fired).toHaveLength(1);
    t.reply('r_esc');
    // Next turn: a trigger said one client turn later is still in the medium cooldown, even though the
    // automatic reply to it (another client turn) started before its transcript completed.
    t.router.handle({ type: 'input_audio_buffer.speech_stopped', item_id: 'u2', audio_end_ms: 900 });
    t.reply('r_auto2');
    t.router.handle({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'u2', transcript: 'It is out of our control' });
    expect(t.fired).toHaveLength(1);
    expect(t.calls).toContain('held');
  });
});
