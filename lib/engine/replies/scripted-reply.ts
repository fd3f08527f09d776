import { countMessages, currentTurn, cutToSeconds, firstWords, lastUserText, lastWords, maxSecondsIn, userMessageCount, words } from './text-utils';
import type { Reply, ReplyContext, ReplyPolicy } from './types';

/**
 * The local engine's default "model": deterministic replies that show what it
 * was given (how many messages, the last thing the user said), so tests can
 * check the context the app sent. It never pretends to understand.
 */
const FOLLOW_UPS = [
  'What outcome do you want from this?',
  'Who owns the next step?',
  'By when does it need to happen?',
  'What number would show it worked?',
  'What is the biggest risk there?',
] as const;

function followUpQuestion(userTurns: number): string {
  return FOLLOW_UPS[(Math.max(1, userTurns) - 1) % FOLLOW_UPS.length] ?? FOLLOW_UPS[0];
}

export function hintKind(instructions: string): 'quick' | 'full' | null {
  const lower = instructions.toLowerCase();
  if (lower.includes('full guidance')) return 'full';
  if (lower.includes('quick hint')) return 'quick';
  return null;
}

/** A hint (out-of-band or not): names its kind and how many messages it saw, then derives a line from the last user words. */
export function hintReply(ctx: ReplyContext, kind: 'quick' | 'full'): Reply {
  const n = countMessages(ctx.conversationItems);
  const user = lastUserText(ctx.conversationItems);
  const tail = user ? lastWords(user, 6) : null;
  const prefix = kind === 'quick' ? `Quick hint (saw ${n} messages):` : `Full guidance (saw ${n} messages):`;
  const body =
    kind === 'quick'
      ? tail
        ? `Ask what "${tail}" means for their timeline.`
        : 'Ask them what matters most to them right now.'
      : tail
        ? `Answer "${tail}" in one sentence, give one reason it matters to them, then ask who owns the next step and by when.`
        : 'Say what you heard in one sentence, give one reason it matters, then ask who owns the next step and by when.';
  const text = cutToSeconds(`${prefix} ${body}`, maxSecondsIn(ctx.instructions), words(prefix).length + 3);
  return { text };
}

/** A conversational turn: echo the user, count the context, ask one follow-up. */
export function conversationalReply(ctx: ReplyContext): Reply {
  const items = ctx.conversationItems;
  const n = countMessages(items);
  const outputs = currentTurn(items).filter((i) => i.type === 'function_call_output');
  const lastOutput = outputs.at(-1);
  if (lastOutput && lastOutput.type === 'function_call_output') {
    const name = lastOutput.name ?? 'the tool';
    return { text: `Done: ${name} returned ${firstWords(lastOutput.output, 20)}. (saw ${n} messages) What would you like to do next?` };
  }
  const user = lastUserText(items);
  if (!user) return { text: `Hello, I'm ready when you are. (saw ${n} messages) What would you like to practise first?` };
  return { text: `You said: "${firstWords(user, 12)}". (saw ${n} messages) ${followUpQuestion(userMessageCount(items))}` };
}

export const scriptedReply: ReplyPolicy = (ctx) => {
  const kind = hintKind(ctx.instructions);
  return kind ? hintReply(ctx, kind) : conversationalReply(ctx);
};
