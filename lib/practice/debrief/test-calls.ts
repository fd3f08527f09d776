import type { StoredTurnTag } from '@/lib/contracts/turn-tag';
import type { MetricsItem } from '@/lib/contracts/delivery-metrics';

/** Scripted COO calls for debrief tests: one strong, one weak. Times in seconds from T0. */

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);
let n = 0;
const say = (speaker: 'user' | 'client', text: string, start: number, end: number): MetricsItem => ({
  speaker,
  text,
  startedAt: at(start),
  endedAt: at(end),
  seq: n,
  itemId: `item_${String(n++).padStart(2, '0')}`,
});

export const strongCall: MetricsItem[] = [
  say('client', "I've seen the numbers. Seventy-eight against ninety-five. Explain.", 0, 5),
  say('user', "We own this gap, it's on us. Our green reports were wrong and I apologise.", 6, 11),
  say('client', 'Who owns the fix? One name.', 12, 14),
  say('user', 'Sarah Jones will own the North depot recovery and we reach 90% by 30 June.', 15, 20),
  say('client', 'How will I know in two weeks?', 21, 23),
  say('user', 'A weekly review every Friday, first checkpoint on the 14th, to protect the milestone payment.', 24, 30),
  say('client', 'Fine. Anything else?', 31, 32),
  say('user', 'What would you need to see before the steering committee?', 33, 36),
];

export const weakCall: MetricsItem[] = [
  say('client', "I've seen the numbers. Seventy-eight against ninety-five. Explain.", 0, 5),
  say('user', "Honestly it's not our fault, there is a lot of staff resistance in the depots.", 6, 11),
  say('client', 'Stop. Who owns this?', 12, 14),
  say('user', 'We need more time, the process is, um, you know, complicated, and basically the depots are kind of slow to adopt it.', 15, 24),
  say('user', 'We are working hard on it and I think things will improve soon enough for everyone involved.', 24, 30),
];

export const strongTags: StoredTurnTag[] = [
  { callId: 'call_1', itemId: 'item_00', createdAt: at(5), objection_type: 'Results', difficulty: 3, sentiment: 'skeptical', next_probe: 'Who owns the fix?' },
  { callId: 'call_2', itemId: 'item_02', createdAt: at(14), objection_type: 'Governance', difficulty: 3, sentiment: 'skeptical', next_probe: 'What is the checkpoint?' },
  { callId: 'call_3', itemId: null, createdAt: at(23), objection_type: 'Plan', difficulty: 2, sentiment: 'neutral', next_probe: 'Anything else?' },
];
