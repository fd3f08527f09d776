import type { BookingInput, KnowledgeHit, LeadInput, WidgetBooking, WidgetSlot } from '@/lib/contracts/website';
import type { FieldError } from '@/lib/contracts/action-result';
import type { MintResult } from '@/lib/realtime/session/mint-step';

/** The embed page's calls to the app's public widget routes (same origin). Failures come back as words, never throws. */
export type WidgetMode = 'voice' | 'text';

async function post<T>(path: string, body: unknown, timeoutMs = 10_000): Promise<T | { ok: false; error: { code: string; message: string; fieldErrors?: FieldError[] } }> {
  try {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    return (await res.json()) as T;
  } catch {
    return { ok: false, error: { code: 'network', message: 'Could not reach the assistant. Check your connection and try again.' } };
  }
}

export function mintWidget(siteId: string, hostOrigin: string, mode: WidgetMode, visit: string): Promise<MintResult> {
  return post<MintResult>('/api/widget/mint', { siteId, hostOrigin, mode, visit });
}

/** Fire and forget (kept alive past a closing page): analytics never get in the visitor's way. */
export function trackEvent(siteId: string, visit: string, type: string, data: Record<string, string | number | boolean> = {}): void {
  try {
    void fetch('/api/widget/event', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteId, visit, type, data }), keepalive: true }).catch(() => undefined);
  } catch {
    // no fetch: no analytics
  }
}

export async function searchSite(siteId: string, query: string): Promise<{ hits: KnowledgeHit[] } | { error: string }> {
  const res = await post<{ ok: true; hits: KnowledgeHit[] }>('/api/widget/search', { siteId, query });
  return res.ok ? { hits: res.hits } : { error: res.error.message };
}

export type LeadResult = { ok: true; data: { id: string; name: string } } | { ok: false; error: { code: string; message: string; fieldErrors?: FieldError[] } };

export function sendLead(lead: LeadInput, visit: string): Promise<LeadResult> {
  return post<LeadResult>('/api/widget/lead', { ...lead, visit });
}

export async function fetchSlots(siteId: string): Promise<{ slots: WidgetSlot[] } | { error: string }> {
  const res = await post<{ ok: true; slots: WidgetSlot[] }>('/api/widget/slots', { siteId });
  return res.ok ? { slots: res.slots } : { error: res.error.message };
}

export type BookResult = { ok: true; data: WidgetBooking } | { ok: false; error: { code: string; message: string; fieldErrors?: FieldError[] } };

export function bookCall(booking: BookingInput, visit: string): Promise<BookResult> {
  return post<BookResult>('/api/widget/book', { ...booking, visit });
}
