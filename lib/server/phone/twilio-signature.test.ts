import { describe, expect, it } from 'vitest';
import { publicUrl, twilioSignature, validTwilioSignature } from './twilio-signature';

describe('twilioSignature', () => {
  // Twilio's own example (docs: "Validating requests are coming from Twilio").
  const params = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' };
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';

  it("matches Twilio's published test vector", () => {
    expect(twilioSignature('12345', url, params)).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
  });

  it('accepts the right signature and refuses a wrong, missing, truncated or other-token one', () => {
    const signature = 'GvWf1cFY/Q7PnoempGyD5oXAezc=';
    expect(validTwilioSignature({ authToken: '12345', url, params, signature })).toBe(true);
    expect(validTwilioSignature({ authToken: '12345', url, params, signature: signature.slice(0, -2) })).toBe(false);
    expect(validTwilioSignature({ authToken: '12345', url, params, signature: null })).toBe(false);
    expect(validTwilioSignature({ authToken: '54321', url, params, signature })).toBe(false);
    expect(validTwilioSignature({ authToken: '12345', url, params: { ...params, To: '+18005551213' }, signature })).toBe(false);
    expect(validTwilioSignature({ authToken: '12345', url: url.replace('https', 'http'), params, signature })).toBe(false);
  });

  it('builds the public http and ws URLs Twilio requests', () => {
    expect(publicUrl('https://cue.example.com/', '/twiml')).toBe('https://cue.example.com/twiml');
    expect(publicUrl('https://cue.example.com/base/', '/call', 'ws')).toBe('wss://cue.example.com/base/call');
    expect(publicUrl('http://127.0.0.1:3000', '/call', 'ws')).toBe('ws://127.0.0.1:3000/call');
  });
});
