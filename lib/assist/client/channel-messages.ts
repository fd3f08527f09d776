import { HINT_ASSISTANT_ID } from '@/agents/prompts/hint-assistant';
import type { Channel, ChannelMessages } from '@/lib/realtime/session/channel-transcriber';
import { TAB_AUDIO_MESSAGES } from '@/lib/realtime/audio/tab-audio';

/** The agent the channel sessions run: the hint assistant's config listens and never answers on its own. */
export const LISTENING_AGENT_ID = HINT_ASSISTANT_ID;
export const loadListeningAgent = (id: string) => import('@/agents/registry').then((r) => r.getAgentConfig(id));

/** How an assist call's channels explain themselves: the agent's mic, the customer's softphone tab. */
export const CHANNEL_MESSAGES: Record<Channel, ChannelMessages> = {
  mic: { label: 'Microphone', tabEnded: '', tabRefused: () => '' },
  tab: {
    label: 'Customer audio',
    tabEnded: 'The softphone tab stopped sharing: the customer channel is off.',
    tabRefused: (issue) => TAB_AUDIO_MESSAGES[issue].replace('Cue hears only your microphone.', 'Type the customer\'s words instead, or share the softphone tab again.'),
  },
};
