/** What a visitor (or the page that embeds the widget) is told when the widget cannot start, by code. */
const WIDGET_ERRORS = {
  invalid_input: 'The assistant could not start: the request was not valid. Reload the page and try again.',
  unknown_site: 'This assistant is not set up: the site id is unknown.',
  site_disabled: 'This assistant is switched off by the site owner for now.',
  origin_not_allowed: 'This website is not allowed to use this assistant.',
  ip_rate_limited: 'You have started several conversations in the last minute. Please wait {s} seconds, then try again.',
  site_rate_limited: 'The assistant is very busy right now. Please try again in {s} seconds.',
  budget_exhausted: 'The assistant has used up today\'s conversation time. Please use the contact page, or try again tomorrow.',
  unavailable: 'The assistant is not available right now. Please try again in a minute.',
} as const;
export type WidgetErrorCode = keyof typeof WIDGET_ERRORS;

export const WIDGET_ERROR_STATUS: Record<WidgetErrorCode, number> = {
  invalid_input: 400,
  unknown_site: 404,
  site_disabled: 403,
  origin_not_allowed: 403,
  ip_rate_limited: 429,
  site_rate_limited: 429,
  budget_exhausted: 429,
  unavailable: 503,
};

export function widgetError(code: WidgetErrorCode, seconds?: number): { code: WidgetErrorCode; message: string } {
  return { code, message: WIDGET_ERRORS[code].replace('{s}', String(seconds ?? 60)) };
}
