import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the settings dialog on /live. */
export class SettingsPanel {
  readonly dialog: Locator;
  readonly save: Locator;
  readonly cancel: Locator;
  readonly summary: Locator;
  readonly importErrors: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('settings-dialog');
    this.save = page.getByTestId('settings-save');
    this.cancel = page.getByTestId('settings-cancel');
    this.summary = page.getByTestId('settings-error-summary');
    this.importErrors = page.getByTestId('settings-import-errors');
    this.status = page.getByTestId('settings-status');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('settings-button').click();
    await expect(this.dialog).toBeVisible();
  }

  field(testId: string): Locator {
    return this.dialog.getByTestId(testId);
  }

  error(path: string): Locator {
    return this.dialog.getByTestId(`field-error-${path}`);
  }

  async addTrigger(phrase: string, action: 'quick' | 'full'): Promise<void> {
    const before = await this.dialog.locator('[data-testid^="trigger-phrase-"]').count();
    await this.field('add-trigger').click();
    await this.field(`trigger-phrase-${before}`).fill(phrase);
    await this.field(`trigger-action-${before}`).selectOption(action);
  }

  async saveAndClose(): Promise<void> {
    await this.save.click();
    await expect(this.dialog).toBeHidden();
  }

  async importText(name: string, text: string): Promise<void> {
    await this.field('settings-import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}
