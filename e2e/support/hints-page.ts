import { expect, type Locator, type Page } from '@playwright/test';
import { LivePage } from './live-page';
import { shotPath } from './shots';

/** The localStorage key and persist shape of the settings store (lib/live/settings/store.ts). */
const SETTINGS_STORAGE_KEY = 'cue.settings.v1';

/** Page object for /live as the hint assistant. */
/**
 * How soon a stopped hint must leave the session listening: well under what a full guidance takes to play
 * (its text is some 30 words), so a stop that did not happen fails, while a loaded CI machine's slow frame does not.
 */
export const STOPPED_WITHIN_MS = 5_000;

export class HintsPage extends LivePage {
  readonly quick: Locator;
  readonly full: Locator;
  readonly interrupt: Locator;
  readonly mute: Locator;
  readonly cards: Locator;
  readonly activeHint: Locator;
  readonly suppressed: Locator;
  readonly count: Locator;
  readonly events: Locator;
  readonly reconnectNotice: Locator;
  readonly inputSource: Locator;
  readonly offlineNote: Locator;
  readonly meetingStatus: Locator;
  readonly meetingSaved: Locator;
  readonly newMeeting: Locator;
  readonly pastMeetings: Locator;

  constructor(page: Page) {
    super(page);
    this.quick = page.getByTestId('hint-quick-button');
    this.full = page.getByTestId('hint-full-button');
    this.interrupt = page.getByTestId('interrupt-button');
    this.mute = page.getByTestId('mute-button');
    this.cards = page.getByTestId('hint-card');
    this.activeHint = page.getByTestId('active-hint');
    this.suppressed = page.getByTestId('hint-suppressed');
    this.count = page.getByTestId('hint-count');
    this.events = page.getByTestId('event-log-item');
    this.reconnectNotice = page.getByTestId('reconnect-notice');
    this.inputSource = page.getByTestId('input-source');
    this.offlineNote = page.getByTestId('offline-note');
    this.meetingStatus = page.getByTestId('meeting-status');
    this.meetingSaved = page.getByTestId('meeting-saved');
    this.newMeeting = page.getByTestId('new-meeting-button');
    this.pastMeetings = page.getByTestId('past-meetings');
  }

  /**
   * Settings written to storage before the page loads (merged over the defaults the page
   * would use), as the settings panel would have saved them.
   */
  async seedSettings(settings: Record<string, unknown>): Promise<void> {
    await this.page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('cue-e2e-seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('cue-e2e-seeded', '1');
        }
      },
      [SETTINGS_STORAGE_KEY, JSON.stringify({ state: { settings }, version: 1 })] as const,
    );
  }

  async openHints(path = '/live'): Promise<void> {
    await this.page.goto(path);
    await expect(this.connect).toBeEnabled();
    await expect(this.page.getByTestId('agent-select')).toHaveValue('hint-assistant');
  }

  card(kind?: 'quick' | 'full'): Locator {
    return kind ? this.page.locator(`[data-testid="hint-card"][data-kind="${kind}"]`) : this.cards;
  }

  event(type: string): Locator {
    return this.page.locator(`[data-testid="event-log-item"][data-type="${type}"]`);
  }

  /** Wait until a hint is audibly playing. */
  async waitSpeaking(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'speaking', { timeout: 15_000 });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: shotPath(name), fullPage: true });
  }

  /** A saved meeting's row under Past meetings (or on /live/history), by its title. */
  meetingRow(title: string): Locator {
    return this.page.getByTestId('meeting-row').filter({ hasText: title });
  }
}
