import { defineAgent } from '@/lib/contracts/agent-config';
import { DEFAULT_TRANSCRIPTION_MODEL } from '@/lib/contracts/models';
import { buildHintAssistantInstructions, HINT_ASSISTANT_ID, HINT_ASSISTANT_MODEL, HINT_ASSISTANT_VOICE } from './prompts/hint-assistant';

export { buildHintAssistantInstructions, buildHintRequestInstructions,  } from './prompts/hint-assistant';

export const hintAssistant = defineAgent({
  id: HINT_ASSISTANT_ID,
  name: 'Hint assistant',
  purpose: 'Listens to a live meeting and speaks a short hint only when the user asks for one.',
  model: HINT_ASSISTANT_MODEL,
  voice: HINT_ASSISTANT_VOICE,
  instructions: buildHintAssistantInstructions(),
  tools: [],
  turnDetection: { type: 'server_vad', createResponse: false, interruptResponse: false, silenceDurationMs: 500 },
  transcriptionModel: DEFAULT_TRANSCRIPTION_MODEL,
});
