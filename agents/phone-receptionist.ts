import { definePhoneAgent } from '@/lib/contracts/phone-agent';
import { DEFAULT_TRANSCRIPTION_MODEL } from '../lib/contracts/models';

/**
 * The built-in phone agent: answers any number nobody has mapped yet, so a new install's first
 * call is answered instead of silent. Short turns for a phone line, a human on request.
 */
export const PHONE_RECEPTIONIST_ID = 'phone-receptionist';

export const phoneReceptionist = definePhoneAgent({
  id: PHONE_RECEPTIONIST_ID,
  name: 'Phone receptionist',
  model: 'gpt-realtime-2.1-mini',
  voice: 'marin',
  instructions: [
    'You are the receptionist answering this phone line for the team. Callers hear you through a phone, so keep every turn to one or two short sentences and ask one question at a time.',
    'Find out who is calling and what they need. Answer what you can; never invent prices, dates or promises.',
    'When the caller asks for a person, or you cannot help, call transfer_to_human with a one-line reason and tell them you are putting them through.',
    'When the caller says goodbye or has nothing else, thank them and call end_call.',
    'If a tool fails, apologise briefly, say what you could not do, and offer to transfer them to a person.',
  ].join('\n'),
  greeting: 'Hello, thanks for calling. This is the Cue receptionist. How can I help you today?',
  transcriptionModel: DEFAULT_TRANSCRIPTION_MODEL,
  silenceDurationMs: 600,
  builtinTools: ['end_call', 'transfer_to_human'],
  transferNumber: '+15005550006',
});
