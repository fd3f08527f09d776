import { RunContext } from '@openai/agents';
import type { FunctionTool } from '@openai/agents-realtime';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hintAssistant } from '@/agents/hint-assistant';
import { defineAgent } from '@/lib/contracts/agent-config';
import * as sdk from './sdk';
import { buildRealtimeAgent, buildSessionConfig, toolOutput } from './session-factory';

const withTool = defineAgent({
  ...hintAssistant,
  id: 'tool-agent',
  turnDetection: { type: 'semantic_vad', createResponse: false, interruptResponse: false, silenceDurationMs: 500 },
  tools: [
    {
      name: 'save_note',
      description: 'Save a short note for after the meeting.',
      parameters: z.object({ text: z.string() }),
    },
  ],
});

async function invoke(agent: ReturnType<typeof buildRealtimeAgent>, name: string, args: unknown): Promise<unknown> {
  const tool = agent.tools.find((t) => t.name === name) as FunctionTool | undefined;
  if (!tool) throw new Error(`no tool ${name}`);
  return tool.invoke(new RunContext({}), JSON.stringify(args));
}

describe('buildSessionConfig', () => {
  it('mirrors the agent: transcription, server VAD tuning, PCM16 24 kHz both ways, voice', () => {
    expect(buildSessionConfig(hintAssistant, 'marin')).toEqual({
      outputModalities: ['audio'],
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: { model: 'gpt-live-transcribe' },
          turnDetection: {
            type: 'server_vad',
            createResponse: false,
            interruptResponse: false,
            silenceDurationMs: 500,
            prefixPaddingMs: 300,
            threshold: 0.5,
          },
        },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'marin' },
      },
    });
  });

  it('adds the listened-for phrases as keywords when the transcription model takes them', () => {
    const transcription = (config: typeof hintAssistant, keywords: string[]) =>
      (buildSessionConfig(config, 'marin', { transcriptionKeywords: keywords }) as { audio: { input: { transcription: unknown } } }).audio.input.transcription;
    expect(transcription(hintAssistant, ['got it', ' Got  it ', 'walk me through'])).toEqual({ model: 'gpt-live-transcribe', keywords: ['got it', 'walk me through'] });
    expect(transcription(hintAssistant, [])).toEqual({ model: 'gpt-live-transcribe' });
    // A deprecated model without keyword support gets none (the API would refuse the field).
    expect(transcription(defineAgent({ ...hintAssistant, transcriptionModel: 'gpt-4o-mini-transcribe' }), ['got it'])).toEqual({ model: 'gpt-4o-mini-transcribe' });
  });

  it('sends no silence/threshold tuning with semantic VAD (the API rejects it)', () => {
    const config = buildSessionConfig(withTool, 'marin') as { audio: { input: { turnDetection: unknown } } };
    expect(config.audio.input.turnDetection).toEqual({ type: 'semantic_vad', createResponse: false, interruptResponse: false });
  });
});

describe('buildRealtimeAgent', () => {
  it('carries instructions, voice and one tool per config tool', () => {
    const agent = buildRealtimeAgent(sdk, withTool, { voice: 'cedar' });
    expect(agent.instructions).toBe(withTool.instructions);
    expect(agent.voice).toBe('cedar');
    expect(agent.tools.map((t) => t.name)).toEqual(['save_note']);
  });

  it('runs the page handler with parsed arguments and returns its result as text', async () => {
    const seen: unknown[] = [];
    const agent = buildRealtimeAgent(sdk, withTool, {
      voice: 'cedar',
      toolHandlers: {
        save_note: (args) => {
          seen.push(args);
          return { saved: true };
        },
      },
    });
    await expect(invoke(agent, 'save_note', { text: 'ask about budget' })).resolves.toBe('{"saved":true}');
    expect(seen).toEqual([{ text: 'ask about budget' }]);
  });

  it('answers the model with an error when the page has no handler for a tool', async () => {
    const agent = buildRealtimeAgent(sdk, withTool, { voice: 'cedar' });
    await expect(invoke(agent, 'save_note', { text: 'x' })).resolves.toBe('{"error":"The tool save_note is not available on this page."}');
  });
});

describe('toolOutput', () => {
  it('passes strings through and serialises everything else', () => {
    expect(toolOutput('ok')).toBe('ok');
    expect(toolOutput(undefined)).toBe('null');
    expect(toolOutput([1, 2])).toBe('[1,2]');
  });
});
