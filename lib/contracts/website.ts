import { z } from 'zod';

/**
 * Website widget contracts: a site (who may embed the concierge, its look and its limits),
 * a lead, a booking and the public widget routes' inputs. Shared by the admin forms, the
 * server and the embedded widget.
 */

export const SITE_GOALS = ['book_call', 'answer_questions', 'support'] as const;
export const WIDGET_POSITIONS = ['bottom-right', 'bottom-left'] as const;

/** `https://example.com` or `http://127.0.0.1:3215`: scheme, host and port only; or `self` (the app's own origin). */
const originSchema = z
  .string()
  .trim()
  .refine((v) => v === 'self' || isExactOrigin(v), 'An origin is scheme://host[:port] with no path, e.g. https://example.com');

function isExactOrigin(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v && !v.endsWith('/');
  } catch {
    return false;
  }
}

const siteIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'A site id is 2-40 lowercase letters, digits or dashes');

const siteThemeSchema = z.object({
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is #rrggbb'),
  label: z.string().trim().min(1, 'The launcher needs a label').max(40, 'At most 40 characters'),
  position: z.enum(WIDGET_POSITIONS),
});
export type SiteTheme = z.infer<typeof siteThemeSchema>;

const siteLimitsSchema = z.object({
  perIpPerMinute: z.number().int().min(1, 'At least 1').max(600, 'At most 600'),
  perSitePerMinute: z.number().int().min(1, 'At least 1').max(6000, 'At most 6000'),
  dailyBudgetMinutes: z.number().int().min(1, 'At least 1 minute').max(100_000, 'At most 100,000'),
  maxSessionMinutes: z.number().int().min(1, 'At least 1 minute').max(60, 'At most 60 minutes'),
});
export type SiteLimits = z.infer<typeof siteLimitsSchema>;

export const DEFAULT_SITE_LIMITS: SiteLimits = { perIpPerMinute: 5, perSitePerMinute: 60, dailyBudgetMinutes: 120, maxSessionMinutes: 8 };

export const siteInputSchema = z.object({
  id: siteIdSchema,
  name: z.string().trim().min(1, 'Give the site a name').max(80, 'At most 80 characters'),
  allowedOrigins: z.array(originSchema).min(1, 'List at least one origin allowed to embed the widget').max(20, 'At most 20 origins'),
  agentId: z.string().min(1).max(60),
  goal: z.enum(SITE_GOALS),
  theme: siteThemeSchema,
  limits: siteLimitsSchema,
  active: z.boolean(),
});
export type SiteInput = z.infer<typeof siteInputSchema>;
export type Site = SiteInput & { createdAt: string; updatedAt: string };

/** What the public mint route takes: the site and the page that embeds it (from the iframe's ancestor origin). */
export const widgetMintInputSchema = z.object({
  siteId: siteIdSchema,
  hostOrigin: z.string().max(300),
  mode: z.enum(['voice', 'text']),
  /** The embed page's visit id, for analytics. */
  visit: z.string().regex(/^[a-z0-9-]{8,40}$/).optional(),
});

export const leadInputSchema = z.object({
  siteId: siteIdSchema,
  name: z.string().trim().min(1, 'Your name, please').max(120, 'At most 120 characters'),
  email: z.email('That email address does not look right').max(200),
  company: z.string().trim().max(120, 'At most 120 characters').default(''),
  role: z.string().trim().max(120, 'At most 120 characters').default(''),
  challenge: z.string().trim().max(2000, 'At most 2000 characters').default(''),
  consent: z.literal(true, 'Tick the box to agree that we may contact you'),
});
export type LeadInput = z.infer<typeof leadInputSchema>;

/** One search_knowledge result: the chunk's page, its heading path, a snippet (matches in «»), its rank. */
export type KnowledgeHit = { url: string; title: string; headingPath: string; snippet: string; rank: number };

export const bookingInputSchema = z.object({
  siteId: siteIdSchema,
  slotId: z.uuid('Pick a time slot'),
  name: z.string().trim().min(1, 'Your name, please').max(120, 'At most 120 characters'),
  email: z.email('That email address does not look right').max(200),
});
export type BookingInput = z.infer<typeof bookingInputSchema>;

/** A free slot as the widget shows it. */
export type WidgetSlot = { id: string; startsAt: string; minutes: number; label: string };
export type WidgetBooking = WidgetSlot & { name: string; email: string };

/** Where a website conversation has got to (lib/website/embed/conversation-phase.ts). */
export const CONVERSATION_PHASES = ['opening', 'discovery', 'positioning', 'conversion', 'close'] as const;
export type ConversationPhase = (typeof CONVERSATION_PHASES)[number];

/** Analytics events of the widget: from the embed page, and from the server (mint, lead, booking). */
/** Every analytics event type (the embed page's and the server's own). */
export const WIDGET_EVENT_TYPES = [
  'opened',
  'consent',
  'text_chosen',
  'mic_granted',
  'mic_denied',
  'fallback_text',
  'session_started',
  'refused',
  'first_audio',
  'tool_call',
  'lead_captured',
  'booking_made',
  'phase',
  'turn',
  'ended',
] as const;
export type WidgetEventType = (typeof WIDGET_EVENT_TYPES)[number];
/** Events the embed page may report (the server records the rest itself). */
const CLIENT_EVENT_TYPES = ['opened', 'consent', 'text_chosen', 'mic_granted', 'mic_denied', 'fallback_text', 'first_audio', 'tool_call', 'phase', 'turn', 'ended'] as const;

export const widgetEventInputSchema = z.object({
  siteId: siteIdSchema,
  visit: z.string().regex(/^[a-z0-9-]{8,40}$/),
  type: z.enum(CLIENT_EVENT_TYPES),
  data: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).refine((d) => Object.keys(d).length <= 8, 'At most 8 fields').default({}),
});

/** A site's dashboard figures (lib/server/website/events.ts). */
export type SiteAnalytics = {
  funnel: { label: string; visits: number }[];
  refusals: { code: string; count: number }[];
  endings: { reason: string; count: number }[];
  /** Conversations that ended, by the phase they had reached (every phase, in order). */
  dropOff: { phase: ConversationPhase; count: number }[];
  sessions: { count: number; avgSeconds: number; totalSeconds: number };
  micDenied: number;
  fallbacks: number;
};
