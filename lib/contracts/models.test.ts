import { describe, expect, it } from 'vitest';
import { REALTIME_MODELS, TRANSCRIPTION_MODELS } from './agent-config';
import { CHEAP_REALTIME_MODEL, DEFAULT_REALTIME_MODEL, DEFAULT_TRANSCRIPTION_MODEL, MODELS, acceptsKeywords, deprecationNotice, modelInfo } from './models';

describe('the model list', () => {
  it('is the one source of the agent config enums', () => {
    expect(REALTIME_MODELS).toEqual(MODELS.filter((m) => m.kind === 'realtime').map((m) => m.id));
    expect(TRANSCRIPTION_MODELS).toEqual(MODELS.filter((m) => m.kind === 'transcription').map((m) => m.id));
    expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
  });

  it('defaults to current models', () => {
    for (const id of [DEFAULT_REALTIME_MODEL, CHEAP_REALTIME_MODEL, DEFAULT_TRANSCRIPTION_MODEL]) expect(modelInfo(id)?.status).toBe('current');
  });

  it('gives every deprecated model its announced shutdown date', () => {
    const deprecated = MODELS.filter((m) => m.status === 'deprecated');
    expect(deprecated.map((m) => [m.id, 'shutdown' in m ? m.shutdown : null])).toEqual([
      ['gpt-realtime', '2027-01-20'],
      ['gpt-realtime-2025-08-28', '2027-01-20'],
      ['gpt-realtime-mini', '2027-01-20'],
      ['gpt-realtime-mini-2025-12-15', '2027-01-20'],
      ['gpt-4o-mini-transcribe', '2027-02-26'],
      ['gpt-4o-mini-transcribe-2025-12-15', '2027-02-26'],
      ['gpt-4o-transcribe', '2027-02-26'],
      ['whisper-1', '2027-02-26'],
    ]);
    expect(deprecationNotice('gpt-realtime-mini')).toBe('Deprecated: OpenAI shuts gpt-realtime-mini down on 2027-01-20. Pick a current model.');
    expect(deprecationNotice('gpt-realtime-2.1')).toBeNull();
    expect(deprecationNotice('no-such-model')).toBeNull();
  });

  it('knows which transcription models take keywords', () => {
    expect(['gpt-transcribe', 'gpt-live-transcribe', 'gpt-realtime-whisper', 'whisper-1'].map(acceptsKeywords)).toEqual([true, true, false, false]);
  });
});
