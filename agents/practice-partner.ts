import { defineAgent } from '@/lib/contracts/agent-config';
import { DEFAULT_REALTIME_MODEL, DEFAULT_TRANSCRIPTION_MODEL } from '../lib/contracts/models';

export type PracticePartnerInput = { focus?: string };

export function buildPracticePartnerInstructions({ focus }: PracticePartnerInput = {}): string {
  return [
    'You are a friendly practice partner helping the user rehearse what they will say in a meeting.',
    'Keep each turn to one or two short sentences, then hand the turn back.',
    'Ask one follow-up question at a time. If the user is vague, ask for an owner, a date or a number.',
    focus ? `Today the user wants to practise: ${focus}.` : 'Let the user choose the topic.',
  ].join('\n');
}

export const practicePartner = defineAgent({
  id: 'practice-partner',
  name: 'Practice partner',
  purpose: 'A general conversation partner for rehearsing answers out loud, with normal turn-taking.',
  model: DEFAULT_REALTIME_MODEL,
  voice: 'cedar',
  instructions: buildPracticePartnerInstructions(),
  tools: [],
  turnDetection: { type: 'server_vad', createResponse: true, interruptResponse: true, silenceDurationMs: 600 },
  transcriptionModel: DEFAULT_TRANSCRIPTION_MODEL,
});
