/**
 * The one Twilio REST call the app makes: update a live call with new TwiML (transfer_to_human
 * dials a person; the media stream then ends). POST
 * {base}/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json, form `Twiml=…`, basic auth
 * (account SID, auth token). The base URL is configurable (TWILIO_API_BASE_URL) so tests run
 * against a fake.
 */
export type TwilioCredentials = { baseUrl: string; accountSid: string; authToken: string };
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type UpdateCallResult = { ok: true } | { ok: false; error: string };

export async function updateLiveCall(creds: TwilioCredentials, callSid: string, twiml: string, fetchImpl: FetchLike = fetch, timeoutMs = 5000): Promise<UpdateCallResult> {
  const url = `${creds.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(creds.accountSid)}/Calls/${encodeURIComponent(callSid)}.json`;
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${creds.accountSid}:${creds.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ Twiml: twiml }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.ok) return { ok: true };
    const body = (await res.json().catch(() => null)) as { message?: unknown; code?: unknown } | null;
    const detail = typeof body?.message === 'string' ? `: ${body.message}` : '';
    return { ok: false, error: `Twilio answered HTTP ${res.status}${detail}` };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, error: timedOut ? `Twilio did not answer within ${timeoutMs} ms` : 'Twilio could not be reached' };
  }
}
