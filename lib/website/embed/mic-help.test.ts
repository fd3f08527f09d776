import { describe, expect, it } from 'vitest';
import { micReenableHelp, voiceSupport } from './mic-help';

describe('micReenableHelp', () => {
  it('names the steps for the visitor\'s browser', () => {
    expect(micReenableHelp('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit Version/17.0 Mobile Safari/604.1')).toMatch(/^On iPhone or iPad: open Settings > Safari > Microphone/);
    expect(micReenableHelp('Mozilla/5.0 (Macintosh) AppleWebKit/605 Version/17.1 Safari/605.1.15')).toMatch(/^In Safari:/);
    expect(micReenableHelp('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36')).toMatch(/^In Chrome:/);
    expect(micReenableHelp('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0')).toMatch(/^In Edge:/);
    expect(micReenableHelp('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toMatch(/^In Firefox:/);
    expect(micReenableHelp('curl/8')).toMatch(/site settings/);
  });
});

describe('voiceSupport', () => {
  const ok = { navigator: { mediaDevices: { getUserMedia: () => undefined } }, AudioContext: function AudioContext() {}, isSecureContext: true };
  it('needs a secure page, a microphone API and Web Audio', () => {
    expect(voiceSupport(ok)).toEqual({ ok: true });
    expect(voiceSupport({ ...ok, isSecureContext: false })).toEqual({ ok: false, reason: 'Voice needs a secure (https) page.' });
    expect(voiceSupport({ ...ok, navigator: {} })).toEqual({ ok: false, reason: 'This browser cannot use a microphone here.' });
    expect(voiceSupport({ ...ok, AudioContext: undefined })).toEqual({ ok: false, reason: 'This browser cannot play the assistant\'s voice.' });
  });
});
