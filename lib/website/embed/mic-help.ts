/** How to allow the microphone again, for the visitor's browser (Safari never asks twice after "Don't allow"). */
export function micReenableHelp(userAgent: string): string {
  const ua = userAgent.toLowerCase();
  if (/iphone|ipad/.test(ua)) return 'On iPhone or iPad: open Settings > Safari > Microphone, choose Ask or Allow, then reload this page.';
  if (/firefox/.test(ua)) return 'In Firefox: click the microphone icon in the address bar, remove the block, then reload this page.';
  if (/edg\//.test(ua)) return 'In Edge: click the lock icon in the address bar, set Microphone to Allow, then reload this page.';
  if (/chrome|chromium|crios/.test(ua)) return 'In Chrome: click the icon at the left of the address bar, set Microphone to Allow, then reload this page.';
  if (/safari/.test(ua)) return 'In Safari: open Safari > Settings for This Website, set Microphone to Allow, then reload this page.';
  return 'Allow the microphone for this website in your browser\'s site settings, then reload this page.';
}

export type VoiceSupport = { ok: true } | { ok: false; reason: string };

/** Can this browser do voice here at all? (A microphone API and Web Audio.) */
export function voiceSupport(w: { navigator?: { mediaDevices?: { getUserMedia?: unknown } }; AudioContext?: unknown; isSecureContext?: boolean }): VoiceSupport {
  if (w.isSecureContext === false) return { ok: false, reason: 'Voice needs a secure (https) page.' };
  if (typeof w.navigator?.mediaDevices?.getUserMedia !== 'function') return { ok: false, reason: 'This browser cannot use a microphone here.' };
  if (typeof w.AudioContext !== 'function') return { ok: false, reason: 'This browser cannot play the assistant\'s voice.' };
  return { ok: true };
}
