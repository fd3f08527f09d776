import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for /live. */
export class LivePage {
  readonly connect: Locator;
  readonly disconnect: Locator;
  readonly status: Locator;
  readonly badge: Locator;
  readonly transcript: Locator;
  readonly items: Locator;
  readonly input: Locator;
  readonly send: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.connect = page.getByTestId('connect-button');
    this.disconnect = page.getByTestId('disconnect-button');
    this.status = page.getByTestId('status');
    this.badge = page.getByTestId('backend-badge');
    this.transcript = page.getByTestId('transcript');
    this.items = page.getByTestId('transcript-item');
    this.input = page.getByTestId('message-input');
    this.send = page.getByTestId('send-button');
    this.error = page.getByTestId('error-banner');
  }

  async open(agent?: string): Promise<void> {
    await this.page.goto('/live');
    await expect(this.connect).toBeEnabled();
    if (agent) await this.page.getByTestId('agent-select').selectOption(agent);
  }

  async connectAndWait(): Promise<void> {
    await this.connect.click();
    await expect(this.status).toHaveAttribute('data-status', /listening|connected/);
  }

  /** Type a line into the composer and send it with Enter. */
  async typeLine(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press('Enter');
    await expect(this.input).toHaveValue('');
  }

  item(role: 'user' | 'assistant'): Locator {
    return this.page.locator(`[data-testid="transcript-item"][data-role="${role}"]`);
  }
}
