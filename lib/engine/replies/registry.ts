import { conciergeReply } from './concierge-reply';
import { isPhoneAgent, phoneReply } from './phone-reply';
import { roleplayReply } from './roleplay-reply';
import { scriptedReply } from './scripted-reply';
import type { ReplyPolicy } from './types';

/**
 * Reply policies by agent config id. Add an agent by adding an entry; the runner never changes. Unknown ids get the default.
 */
export const replyPolicies: Record<string, ReplyPolicy> = {
  'hint-assistant': scriptedReply,
  'practice-partner': scriptedReply,
  'roleplay-client': roleplayReply,
  'website-concierge': conciergeReply,
  'phone-receptionist': phoneReply,
};

/** Unknown ids (agents made in the studio): the phone policy when the agent has phone tools, else the scripted one. */
export const defaultReplyPolicy: ReplyPolicy = (ctx) => (isPhoneAgent(ctx) ? phoneReply(ctx) : scriptedReply(ctx));

export function replyPolicyFor(agentId: string): ReplyPolicy {
  return Object.hasOwn(replyPolicies, agentId) ? (replyPolicies[agentId] ?? defaultReplyPolicy) : defaultReplyPolicy;
}
