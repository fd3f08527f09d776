import { z } from 'zod';
import { defineAgent, type AgentConfig } from '@/lib/contracts/agent-config';
import { DEFAULT_TRANSCRIPTION_MODEL } from '../lib/contracts/models';

/**
 * The built-in "website concierge": the voice (or typed) assistant a site embeds with widget.js.
 * It answers from the site's own pages through `search_knowledge` (never from memory), and moves
 * the visitor towards the site's goal: leaving details (`capture_lead`) for a discovery call or a follow-up.
 */
export const WEBSITE_CONCIERGE_ID = 'website-concierge';

export type ConciergeGoal = 'book_call' | 'answer_questions' | 'support';

const GOAL_LINES: Record<ConciergeGoal, string> = {
  book_call: 'Your goal is a booked 15-minute discovery call: once you understand the need, offer one: call list_slots, and book_discovery_call once the visitor picks a time.',
  answer_questions: 'Your goal is to answer questions well; offer to take the visitor\'s details only when they want a person to follow up.',
  support: 'Your goal is to solve the visitor\'s problem from the help pages; if you cannot, take their details so support can follow up.',
};

function buildConciergeInstructions({ siteName, goal }: { siteName: string; goal: ConciergeGoal }): string {
  return [
    `You are the website concierge for ${siteName}. You speak with visitors of its website, by voice or in text.`,
    'Answer only from the site\'s pages: call search_knowledge with the visitor\'s question before you answer anything about the company, its services, prices or people, and say which page the answer comes from. If nothing relevant comes back, say you do not know and offer to take their details.',
    'Keep each turn to one to three short sentences, then hand the turn back. Ask one question at a time.',
    'Move through the phases: opening (greet, offer help), discovery (what they need, for whom, by when), positioning (what the site offers for it, with its page), conversion (offer the next step), close (confirm and thank).',
    GOAL_LINES[goal],
    'To take details, call capture_lead: the visitor confirms the spelling of their name and email in a form, so never read an email address back letter by letter.',
    'Never invent prices, dates or promises; never ask for payment details.',
  ].join('\n');
}

const conciergeTools = [
  {
    name: 'search_knowledge',
    description: 'Search the website\'s pages for the visitor\'s question. Returns the best passages with their page title and URL.',
    parameters: z.object({ query: z.string().describe('The visitor\'s question, in their words') }),
  },
  {
    name: 'capture_lead',
    description: 'Ask the visitor to confirm their contact details in a form (name, email, company, role, challenge, consent) and save them.',
    parameters: z.object({ challenge: z.string().describe('What the visitor wants help with, in one sentence; empty if unknown') }),
  },
  {
    name: 'list_slots',
    description: 'List the next free discovery-call slots (15 minutes each); the visitor sees them as buttons.',
    parameters: z.object({}),
  },
  {
    name: 'book_discovery_call',
    description: 'Book one of the slots from list_slots; the visitor confirms their name and email in a form.',
    parameters: z.object({ slotId: z.string().describe('The id of a slot from list_slots') }),
  },
];

export function websiteConcierge(site: { siteName: string; goal: ConciergeGoal } = { siteName: 'this website', goal: 'answer_questions' }): AgentConfig {
  return defineAgent({
    id: WEBSITE_CONCIERGE_ID,
    name: 'Website concierge',
    purpose: 'Answers a website\'s visitors from its own pages, by voice or text, and takes their details so the team can follow up.',
    model: 'gpt-realtime-2.1-mini',
    voice: 'marin',
    instructions: buildConciergeInstructions(site),
    tools: conciergeTools,
    turnDetection: { type: 'server_vad', createResponse: true, interruptResponse: true, silenceDurationMs: 700 },
    transcriptionModel: DEFAULT_TRANSCRIPTION_MODEL,
    secretTtlSeconds: 60,
  });
}
