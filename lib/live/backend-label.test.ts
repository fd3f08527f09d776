import { describe, expect, it } from 'vitest';
import type { EngineSpeech } from '@/lib/contracts/engine-speech';
import { backendLabel, exportModelFacts, LOCAL_ENGINE_LABEL, localEngineLabel, localEngineTitle } from './backend-label';

const HEARS = { available: true, install: [], problems: [] };
const DEAF = { available: false, install: ['libpocketsphinx3', 'pocketsphinx-en-us'], problems: ['libpocketsphinx.so.3 does not load'] };
const speech = (recognition: EngineSpeech['recognition'], engine: 'flite' | 'espeak-ng' | null): EngineSpeech => ({
  recognition,
  synthesis: engine ? { available: true, engine, install: [], problems: [] } : { available: false, engine: null, install: ['flite'], problems: ['flite is not installed'] },
});

describe('backend labels', () => {
  it('names the local engine, or the OpenAI model', () => {
    expect(backendLabel('local', 'gpt-realtime')).toBe('Local engine (scripted, no AI)');
    expect(backendLabel('openai', 'gpt-realtime-mini')).toBe('OpenAI gpt-realtime-mini');
    expect(backendLabel('openai', 'gpt-realtime', speech(HEARS, 'flite'))).toBe('OpenAI gpt-realtime');
  });

  it('says what speech the local engine has, in each combination', () => {
    expect(localEngineLabel(speech(HEARS, 'flite'))).toBe('Local engine: offline speech, scripted replies');
    expect(localEngineLabel(speech(HEARS, 'espeak-ng'))).toBe('Local engine: offline speech, scripted replies');
    expect(localEngineLabel(speech(DEAF, 'flite'))).toBe('Local engine: no speech recognition — install libpocketsphinx3 pocketsphinx-en-us');
    expect(localEngineLabel(speech(HEARS, null))).toBe('Local engine: no speech output — install flite');
    expect(localEngineLabel(speech(DEAF, null))).toBe('Local engine: no speech recognition or output — install libpocketsphinx3 pocketsphinx-en-us flite');
    expect(localEngineLabel(null)).toBe(LOCAL_ENGINE_LABEL);
    expect(backendLabel('local', null, speech(DEAF, 'flite'))).toBe(localEngineLabel(speech(DEAF, 'flite')));
  });

  it('says in the tooltip which engines listen and speak', () => {
    expect(localEngineTitle(speech(HEARS, 'flite'))).toBe(
      'Replies are scripted by the local engine; no AI model is called. Speech is recognised offline (pocketsphinx); replies are spoken (flite).',
    );
    expect(localEngineTitle(speech(DEAF, null))).toBe('Replies are scripted by the local engine; no AI model is called. Speech is not recognised; replies are a tone, not words.');
    expect(localEngineTitle(null)).toBe('Replies are scripted by the local engine; no AI model is called.');
  });

  it('exports from the local engine state the engine as the model and no voice', () => {
    expect(exportModelFacts('local', 'gpt-realtime', 'marin')).toEqual({ model: LOCAL_ENGINE_LABEL });
    expect(exportModelFacts('openai', 'gpt-realtime', 'marin')).toEqual({ model: 'gpt-realtime', voice: 'marin' });
    expect(exportModelFacts(null, null, 'cedar')).toEqual({ voice: 'cedar' });
  });
});
