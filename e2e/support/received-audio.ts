import type { Page, WebSocket } from '@playwright/test';
import { type AudioMeasures, measureAudio } from './speech-measure';

/**
 * The reply audio a page RECEIVED, as Playwright sees the realtime socket's frames:
 * every `response.output_audio.delta` by item, with its transcript, so a browser test
 * can check that what reached the page is speech, not a tone (see speech-measure).
 * Attach before the page connects.
 */
export type ReceivedItem = {
  itemId: string;
  responseId: string;
  /** PCM16 (or G.711 bytes, when the session asked for them) in arrival order. */
  chunks: Buffer[];
  transcript: string;
  done: boolean;
};

type ServerFrame = { type?: string; item_id?: string; response_id?: string; delta?: string; transcript?: string };

export class ReceivedAudio {
  readonly items = new Map<string, ReceivedItem>();

  static attach(page: Page): ReceivedAudio {
    const received = new ReceivedAudio();
    page.on('websocket', (ws: WebSocket) => ws.on('framereceived', ({ payload }) => received.onFrame(payload)));
    return received;
  }

  onFrame(payload: string | Buffer): void {
    if (typeof payload !== 'string' || !payload.includes('"response.output_audio')) return;
    let event: ServerFrame;
    try {
      event = JSON.parse(payload) as ServerFrame;
    } catch {
      return;
    }
    if (!event.item_id || !event.response_id) return;
    const item = this.items.get(event.item_id) ?? { itemId: event.item_id, responseId: event.response_id, chunks: [], transcript: '', done: false };
    this.items.set(event.item_id, item);
    if (event.type === 'response.output_audio.delta' && event.delta) item.chunks.push(Buffer.from(event.delta, 'base64'));
    if (event.type === 'response.output_audio_transcript.done') item.transcript = event.transcript ?? '';
    if (event.type === 'response.output_audio.done') item.done = true;
  }

  /** The finished items, oldest first. */
  finished(): ReceivedItem[] {
    return [...this.items.values()].filter((i) => i.done);
  }

  /** An item's audio as PCM16 samples (24 kHz for the default format). */
  static samples(item: ReceivedItem): Int16Array {
    const all = Buffer.concat(item.chunks);
    const out = new Int16Array(Math.floor(all.length / 2));
    for (let i = 0; i < out.length; i++) out[i] = all.readInt16LE(i * 2);
    return out;
  }

  /** Is this item's audio speech? Measures of PCM16 at `rate`. */
  static measure(item: ReceivedItem, rate = 24_000): AudioMeasures {
    return measureAudio(ReceivedAudio.samples(item), rate);
  }
}
