import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the practice library, the call page and its debrief. */
export class PracticePage {
  readonly call: Locator;
  readonly transcript: Locator;
  readonly input: Locator;
  readonly send: Locator;
  readonly endCall: Locator;
  readonly mood: Locator;
  readonly difficulty: Locator;
  readonly objection: Locator;
  readonly nextProbe: Locator;
  readonly escalations: Locator;
  readonly debrief: Locator;
  readonly timer: Locator;
  readonly status: Locator;
  readonly leaveDialog: Locator;

  constructor(readonly page: Page) {
    this.call = page.getByTestId('practice-call');
    this.transcript = page.getByTestId('transcript');
    this.input = page.getByTestId('message-input');
    this.send = page.getByTestId('send-button');
    this.endCall = page.getByTestId('end-call-button');
    this.mood = page.getByTestId('live-mood');
    this.difficulty = page.getByTestId('live-difficulty');
    this.objection = page.getByTestId('live-objection');
    this.nextProbe = page.getByTestId('live-next-probe');
    this.escalations = page.getByTestId('escalation-alert');
    this.debrief = page.getByTestId('debrief');
    this.timer = page.getByTestId('call-timer');
    this.status = page.getByTestId('status');
    this.leaveDialog = page.getByTestId('leave-call-dialog');
  }

  /** A top-nav link: live, practice or history. */
  nav(section: 'live' | 'practice' | 'history'): Locator {
    return this.page.getByTestId(`nav-${section}`);
  }

  card(scenarioId: string): Locator {
    return this.page.locator(`[data-testid="scenario-card"][data-scenario-id="${scenarioId}"]`);
  }

  /** From the library: pick the difficulty, start, and wait until the call is live. Returns the session id. */
  async startCall(scenarioId: string, opts: { difficulty?: 'easy' | 'medium' | 'hard'; typeOnly?: boolean } = {}): Promise<string> {
    await this.page.goto('/practice');
    const card = this.card(scenarioId);
    await expect(card).toBeVisible();
    if (opts.difficulty) await card.getByTestId(`difficulty-${opts.difficulty}`).check({ force: true });
    if (opts.typeOnly) await card.getByLabel('Type instead of speaking').check();
    await card.getByTestId('start-call').click();
    await expect(this.page).toHaveURL(/\/practice\/call\/[0-9a-f-]{36}$/);
    await expect(this.call).toHaveAttribute('data-phase', 'live');
    return this.page.url().split('/').at(-1) ?? '';
  }

  item(role: 'user' | 'assistant'): Locator {
    return this.page.locator(`[data-testid="transcript-item"][data-role="${role}"]`);
  }

  /** Wait until the client has finished speaking (status back to listening/connected). */
  async clientDone(): Promise<void> {
    await expect(this.page.getByTestId('status')).toHaveAttribute('data-status', /listening|connected/, { timeout: 20_000 });
  }

  async type(text: string): Promise<void> {
    await this.input.fill(text);
    await this.send.click();
  }

  async end(): Promise<void> {
    await this.endCall.click();
    await expect(this.page.getByTestId('call-ended')).toBeVisible({ timeout: 20_000 });
  }
}
