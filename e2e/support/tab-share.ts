import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * What the page gets from the share picker (getDisplayMedia), set before it loads: the user
 * declines, a tab with a tone, or a tab whose audio is a WAV (flite's voice: the other side
 * speaking), decoded and played into the stream by Web Audio. A video track comes along, as
 * browsers require; the page drops it.
 */
export type TabShare = 'decline' | 'tone' | { wav: string };

const WAV_URL = '/__e2e/their-tab.wav';

export async function stubTabShare(page: Page, share: TabShare): Promise<void> {
  if (typeof share === 'object') {
    const body = readFileSync(share.wav);
    await page.route(`**${WAV_URL}`, (route) => route.fulfill({ status: 200, contentType: 'audio/wav', body }));
  }
  await page.addInitScript(
    ([mode, url]) => {
      const w = window as unknown as { __shareAnswer: string };
      w.__shareAnswer = mode;
      navigator.mediaDevices.getDisplayMedia = async () => {
        if (w.__shareAnswer === 'decline') throw new DOMException('Permission denied', 'NotAllowedError');
        const ctx = new AudioContext();
        await ctx.resume();
        const dest = ctx.createMediaStreamDestination();
        if (w.__shareAnswer === 'wav') {
          const clip = await ctx.decodeAudioData(await (await fetch(url)).arrayBuffer());
          const source = ctx.createBufferSource();
          source.buffer = clip;
          source.connect(dest);
          source.start();
        } else {
          const osc = ctx.createOscillator();
          osc.connect(dest);
          osc.start();
        }
        const canvas = document.createElement('canvas');
        return new MediaStream([...dest.stream.getAudioTracks(), ...canvas.captureStream().getVideoTracks()]);
      };
    },
    [typeof share === 'object' ? 'wav' : share, WAV_URL] as const,
  );
}
