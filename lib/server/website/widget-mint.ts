import 'server-only';
import { websiteConcierge, type ConciergeGoal } from '@/agents/website-concierge';
import type { MintedSecret } from '@/lib/contracts/minted-secret';
import { widgetMintInputSchema, type Site } from '@/lib/contracts/website';
import { ModelAccessError } from '@/lib/server/model-access/errors';
import type { MintLimits } from '@/lib/server/limits/mint-limits';
import { defaultMintDeps, mintRealtimeSecret, type MintRequest } from '@/lib/server/model-access/mint';
import { signCallTicket, type CallTicket } from '@/lib/server/model-access/call-ticket';
import { env } from '@/lib/server/env';
import { getSite, originAllowed } from './sites';
import { reserveSessionSeconds } from './usage';
import { widgetCounter, type WindowCounter } from './window-counter';
import { widgetError, type WidgetErrorCode } from './widget-errors';

/**
 * The widget's own mint (POST /api/widget/mint), not the signed-in user's action. In order:
 * the input; the site (known, active); the request's Origin (the app's own embed page) and the
 * embedding page's origin (in the site's allow-list); the per-IP and per-site per-minute limits;
 * the daily budget in the database (the session's maximum length reserved); then a secret whose
 * session ends at the site's maximum length: the local engine ends it itself; an OpenAI voice
 * call (WebRTC) connects through the app's relay (POST /api/widget/calls with a signed ticket),
 * which hangs it up through its call id (lib/server/model-access/call-relay.ts).
 */
export type WidgetMintRequest = { body: unknown; origin: string | null; appOrigin: string; clientIp: string; now?: Date };
export type WidgetMintOutcome = { ok: true; data: MintedSecret } | { ok: false; error: { code: WidgetErrorCode; message: string }; retryAfterSeconds?: number };

export type WidgetMintDeps = {
  getSite: (id: string) => Promise<Site | null>;
  counter: WindowCounter;
  reserve: (siteId: string, seconds: number, budgetSeconds: number, now: Date) => Promise<{ ok: boolean }>;
  mint: (req: MintRequest) => Promise<MintedSecret>;
  /** Signs the relay ticket of an OpenAI WebRTC call (absent: no OpenAI key, so no such call). */
  signTicket?: (ticket: CallTicket) => string;
};

const allowAll = { take: async () => ({ allowed: true, retryAfterSeconds: 0 }) };
/** The site's budget is reserved in usage.ts before minting: the grant is the session's maximum. */
export const WIDGET_PASS_THROUGH: MintLimits = {
  perIp: allowAll,
  perSubject: allowAll,
  minutes: { reserve: async ({ maxSeconds }) => ({ allowed: true, usageId: 'widget', grantedSeconds: maxSeconds }), cancel: async () => undefined },
};

export function defaultWidgetMintDeps(): WidgetMintDeps {
  return {
    getSite,
    counter: widgetCounter(),
    reserve: (siteId, seconds, budget, now) => reserveSessionSeconds(siteId, seconds, budget, now),
    // The widget's own limits and daily budget are checked above; the per-user mint limits do not apply to it.
    mint: (req) => mintRealtimeSecret(req, { ...defaultMintDeps(), limits: WIDGET_PASS_THROUGH }),
    signTicket: (ticket) => {
      const key = env().OPENAI_API_KEY;
      if (!key) throw new ModelAccessError('misconfigured', 'an OpenAI call ticket needs OPENAI_API_KEY');
      return signCallTicket(ticket, key);
    },
  };
}

const refuse = (code: WidgetErrorCode, retryAfterSeconds?: number): WidgetMintOutcome => ({
  ok: false,
  error: widgetError(code, retryAfterSeconds),
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

export async function mintWidgetSecret(req: WidgetMintRequest, deps: WidgetMintDeps): Promise<WidgetMintOutcome> {
  const parsed = widgetMintInputSchema.safeParse(req.body);
  if (!parsed.success) return refuse('invalid_input');
  const { siteId, hostOrigin, mode } = parsed.data;
  const site = await deps.getSite(siteId);
  if (!site) return refuse('unknown_site');
  if (!site.active) return refuse('site_disabled');
  // The embed page is on the app's origin: any other Origin is another website calling directly.
  if (req.origin !== req.appOrigin || !originAllowed(site, hostOrigin, req.appOrigin)) return refuse('origin_not_allowed');
  const now = req.now ?? new Date();
  const ip = await deps.counter.take(`ip:${siteId}:${req.clientIp}`, site.limits.perIpPerMinute, now.getTime());
  if (!ip.allowed) return refuse('ip_rate_limited', ip.retryAfterSeconds);
  const perSite = await deps.counter.take(`site:${siteId}`, site.limits.perSitePerMinute, now.getTime());
  if (!perSite.allowed) return refuse('site_rate_limited', perSite.retryAfterSeconds);
  const maxSessionSeconds = site.limits.maxSessionMinutes * 60;
  const budget = await deps.reserve(siteId, maxSessionSeconds, site.limits.dailyBudgetMinutes * 60, now);
  if (!budget.ok) return refuse('budget_exhausted');
  try {
    const config = websiteConcierge({ siteName: site.name, goal: site.goal as ConciergeGoal });
    // Voice on OpenAI is a WebRTC call the server can hang up; text stays on a WebSocket (no microphone).
    const transport = mode === 'voice' ? 'webrtc' : 'websocket';
    const data = await deps.mint({ agentId: config.id, config, subject: `widget:${siteId}:${req.clientIp}`, clientIp: req.clientIp, transport, maxSessionSeconds });
    if (data.backend === 'openai' && transport === 'webrtc') {
      if (!deps.signTicket) throw new ModelAccessError('misconfigured', 'no call ticket signer');
      const ticket = deps.signTicket({ siteId, maxSeconds: maxSessionSeconds, expiresAt: data.expiresAt });
      return { ok: true, data: { ...data, url: `${req.appOrigin}/api/widget/calls?t=${encodeURIComponent(ticket)}` } };
    }
    return { ok: true, data };
  } catch (error) {
    console.warn(`[widget-mint] ${siteId}: ${error instanceof ModelAccessError ? `${error.code} ${error.detail ?? ''}` : String(error)}`);
    return refuse('unavailable');
  }
}
