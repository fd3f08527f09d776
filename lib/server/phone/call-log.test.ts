import { describe, expect, it } from 'vitest';
import { CallLog } from './call-log';
import { memoryStore } from './test-support/phone-harness';

describe('CallLog', () => {
  it('keeps both sides from the history, and the agent words streamed so far for a reply cut off by a hang-up', async () => {
    const store = memoryStore();
    const log = new CallLog('00000000-0000-4000-8000-00000000000a', store, () => undefined);
    await log.start({ source: 'twilio', agentId: 'a', agentName: 'A', agentVersion: 1, backend: 'local', startedAt: new Date() });
    log.history([
      { itemId: 'u1', type: 'message', role: 'user', content: [{ type: 'input_audio', transcript: 'where is my order' }] },
      { itemId: 'a1', type: 'message', role: 'assistant', content: [{ type: 'output_audio', transcript: null }] },
      { itemId: 'f1', type: 'function_call' },
    ]);
    log.agentDelta('a1', 'It shipped');
    log.agentDelta('a1', ' today');
    log.agentDelta('a2', 'Anything');
    expect(log.transcript.map((l) => [l.speaker, l.text])).toEqual([
      ['caller', 'where is my order'],
      ['agent', 'It shipped today'],
      ['agent', 'Anything'],
    ]);
    // the history's final words win over the streamed ones (e.g. truncated at barge-in)
    log.history([{ itemId: 'a1', type: 'message', role: 'assistant', content: [{ type: 'output_audio', transcript: 'It shipped' }] }]);
    await log.finish({ status: 'completed', endReason: 'caller_hung_up', endedAt: new Date(), durationMs: 1000, usage: null });
    expect(store.rows.get('00000000-0000-4000-8000-00000000000a')?.transcript?.map((l) => l.text)).toEqual(['where is my order', 'It shipped', 'Anything']);
  });
});
