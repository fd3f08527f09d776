import { expect, type APIRequestContext } from '@playwright/test';
import { ENGINE_PORT } from '../../playwright.config';

/** The local engine's loopback test controls (enabled only for e2e). */
export class EngineControls {
  readonly base = `http://127.0.0.1:${ENGINE_PORT}/__test`;
  constructor(private readonly request: APIRequestContext) {}

  async sessions(): Promise<{ id: string; agent: string; open: boolean }[]> {
    const res = await this.request.get(`${this.base}/sessions`);
    expect(res.ok()).toBe(true);
    return res.json();
  }

  async waitForOpenSession(): Promise<string> {
    let id = '';
    await expect
      .poll(async () => {
        const open = (await this.sessions()).filter((s) => s.open);
        id = open.at(-1)?.id ?? '';
        return id;
      })
      .not.toBe('');
    return id;
  }

  private async post(path: string, data: unknown = {}): Promise<void> {
    const res = await this.request.post(`${this.base}${path}`, { data });
    expect(res.ok(), `${path} -> ${res.status()} ${await res.text()}`).toBe(true);
  }

  utterance(text: string, session = 'latest') {
    return this.post(`/sessions/${session}/utterance`, { text });
  }
  error(body: { code?: string; message?: string }, session = 'latest') {
    return this.post(`/sessions/${session}/error`, body);
  }
  drop(session = 'latest') {
    return this.post(`/sessions/${session}/drop`);
  }
  toolCall(name: string, args: unknown, session = 'latest') {
    return this.post(`/sessions/${session}/tool-call`, { name, arguments: args });
  }
  faults(body: { connectDelayMs?: number; refuseConnections?: boolean; responseDelayMs?: number }) {
    return this.post('/faults', body);
  }
  async clearFaults(): Promise<void> {
    await this.request.delete(`${this.base}/faults`);
  }
  async received(type?: string, session = 'latest'): Promise<Record<string, unknown>[]> {
    const res = await this.request.get(`${this.base}/sessions/${session}/received${type ? `?type=${encodeURIComponent(type)}` : ''}`);
    expect(res.ok()).toBe(true);
    return res.json();
  }
}

/** What a `response.create` the page sent looks like (the fields the hint specs read). */
export type SentResponseCreate = {
  type: 'response.create';
  response?: { conversation?: string; instructions?: string; input?: unknown[]; metadata?: Record<string, string> };
};

/** One engine session in detail (GET /__test/sessions/:id). */
export type EngineSessionDetail = {
  id: string;
  open: boolean;
  agent: string;
  config: Record<string, unknown>;
  conversation: { id: string; type: string; role?: string; content?: unknown[] }[];
  activeResponseId: string | null;
};

/** Additive helpers on top of EngineControls for the hint specs. */
export class HintEngine extends EngineControls {
  constructor(private readonly req: APIRequestContext) {
    super(req);
  }

  async session(id = 'latest'): Promise<EngineSessionDetail> {
    const res = await this.req.get(`${this.base}/sessions/${id}`);
    expect(res.ok()).toBe(true);
    return res.json();
  }

  /** `response.create` events the page sent in a session. */
  async responseCreates(session = 'latest'): Promise<SentResponseCreate[]> {
    return (await this.received('response.create', session)) as SentResponseCreate[];
  }

  /** An utterance of a given spoken length (ms), e.g. one still going while a hint plays. */
  async longUtterance(text: string, durationMs: number, session = 'latest'): Promise<void> {
    const res = await this.req.post(`${this.base}/sessions/${session}/utterance`, { data: { text, durationMs } });
    expect(res.ok(), await res.text()).toBe(true);
  }
}
