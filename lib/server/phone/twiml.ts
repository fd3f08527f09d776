/**
 * The TwiML the app answers with. `<Connect><Stream>` is bidirectional and holds the call until
 * the app closes the socket; its URL must be wss:// and carry no query string (Twilio error
 * 31920), so the agent and call ids travel as `<Parameter>`s (they arrive in
 * `start.customParameters`).
 */
function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

export function connectStreamTwiml(streamUrl: string, parameters: Readonly<Record<string, string>>): string {
  if (new URL(streamUrl).search) throw new Error('a <Stream> URL must not carry a query string (Twilio error 31920): pass values as <Parameter>s');
  const params = Object.entries(parameters)
    .map(([name, value]) => `<Parameter name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`)
    .join('');
  return `${HEAD}<Response><Connect><Stream url="${xmlAttr(streamUrl)}">${params}</Stream></Connect></Response>`;
}

/** Says `text`, then hangs up (a number not in service, the line busy). */
export function sayAndHangUpTwiml(text: string): string {
  return `${HEAD}<Response><Say>${xmlText(text)}</Say><Hangup/></Response>`;
}

/** Replaces the live call's TwiML: tells the caller, then dials the human (transfer_to_human). */
export function dialTwiml(number: string, say: string): string {
  return `${HEAD}<Response><Say>${xmlText(say)}</Say><Dial>${xmlText(number)}</Dial></Response>`;
}
