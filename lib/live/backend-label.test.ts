import { describe, expect, it } from 'vitest';
import { backendLabel, exportModelFacts, LOCAL_ENGINE_LABEL } from './backend-label';

describe('backend labels', () => {
  it('names the local engine, or the OpenAI model', () => {
    expect(backendLabel('local', 'gpt-realtime')).toBe('Local engine (scripted, no AI)');
    expect(backendLabel('openai', 'gpt-realtime-mini')).toBe('OpenAI gpt-realtime-mini');
  });

  it('exports from the local engine state the engine as the model and no voice', () => {
    expect(exportModelFacts('local', 'gpt-realtime', 'marin')).toEqual({ model: LOCAL_ENGINE_LABEL });
    expect(exportModelFacts('openai', 'gpt-realtime', 'marin')).toEqual({ model: 'gpt-realtime', voice: 'marin' });
    expect(exportModelFacts(null, null, 'cedar')).toEqual({ voice: 'cedar' });
  });
});
