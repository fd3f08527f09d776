import { defineStudioAgent, type StudioAgentConfig } from '../lib/contracts/studio-agent';
import { CHEAP_REALTIME_MODEL, DEFAULT_TRANSCRIPTION_MODEL } from '../lib/contracts/models';

/**
 * The phone agents the agent studio starts with, typed here and parsed with the studio's schema
 * (lib/contracts/studio-agent.ts, built on the same agentCoreSchema as every agent in this folder).
 * They are seeded into the database the first time the studio or a call needs an agent; from then on
 * the database copy (edited in /admin/studio) is what callers get. Changing a built-in here does not
 * overwrite an agent that is already seeded.
 */
const phoneTurns = { type: 'server_vad', createResponse: true, interruptResponse: true, silenceDurationMs: 600 } as const;

export const phoneReceptionist = defineStudioAgent({
  id: 'phone-receptionist',
  name: 'Receptionist',
  purpose: 'Answers the company line: finds out what the caller needs, answers from the help articles, hands over to a person when asked.',
  model: CHEAP_REALTIME_MODEL,
  voice: 'marin',
  instructions: [
    'You are the receptionist answering the company phone line. Callers hear you over the phone, so speak in short, plain sentences.',
    'Find out who is calling and what they need. Answer from the help articles (search_knowledge); never invent prices, dates or promises.',
    'Look customers up (lookup_customer) when they give a name, email, phone number or order number, and confirm it is them before you read out anything about their account.',
    'When the caller asks for a person, or you cannot help, say you are putting them through and call transfer_to_human.',
    'When the caller says goodbye, say goodbye and call end_call.',
  ].join('\n'),
  greeting: 'Hello, thanks for calling. This is the Cue receptionist. How can I help you today?',
  tools: { builtins: ['search_knowledge', 'lookup_customer', 'transfer_to_human', 'end_call'], webhooks: [] },
  turnDetection: phoneTurns,
  transcriptionModel: DEFAULT_TRANSCRIPTION_MODEL,
  secretTtlSeconds: 60,
});

const phoneSupportLine = defineStudioAgent({
  id: 'phone-support',
  name: 'Support line',
  purpose: 'Order and delivery support by phone: finds the order, explains the policy, escalates what it cannot solve.',
  model: CHEAP_REALTIME_MODEL,
  voice: 'cedar',
  instructions: [
    'You are the support line for online orders. Callers hear you over the phone: one or two short sentences at a time.',
    'Ask for the order number first; read the order with get_order_details and the relevant rule with check_policy before you promise anything.',
    'Answer product and how-to questions from the help articles (search_knowledge); find the caller with lookup_customer when they have no order number.',
    'Say what you found, what happens next and by when. If the caller is upset or the policy does not cover it, offer a person and call transfer_to_human.',
    'When the caller is done, say goodbye and call end_call.',
  ].join('\n'),
  greeting: 'Hi, you have reached order support. Do you have your order number to hand?',
  tools: { builtins: ['lookup_customer', 'get_order_details', 'check_policy', 'search_knowledge', 'transfer_to_human', 'end_call'], webhooks: [] },
  turnDetection: phoneTurns,
  transcriptionModel: DEFAULT_TRANSCRIPTION_MODEL,
  secretTtlSeconds: 60,
});

export const STUDIO_BUILTINS: readonly StudioAgentConfig[] = [phoneReceptionist, phoneSupportLine];

/** The agent a call gets while no phone number is mapped yet (a fresh install's first call still answers). */
export const DEFAULT_PHONE_AGENT_ID = phoneReceptionist.id;
