import { expect, test as setup } from '@playwright/test';
import { fillSetup, OWNER, OWNER_STATE, signIn } from './support/accounts';
import { shotPath } from './support/shots';
import { cloneDefaultSettings } from '../lib/live/settings/schema';

/**
 * Runs before every spec (playwright.config.ts, project "setup"): on the fresh e2e data dir the
 * first visitor is sent to /setup and creates the owner; on a reused server the owner exists and
 * signs in. The signed-in state is saved for every spec.
 */
setup('the owner account exists and is signed in', async ({ page }) => {
  await page.goto('/live');
  await expect(page).toHaveURL(/\/(setup|sign-in)/);
  if (new URL(page.url()).pathname === '/setup') {
    await expect(page.getByRole('heading', { level: 1 })).toContainText('create the owner account');
    await page.screenshot({ path: shotPath('setup'), fullPage: true });
    await fillSetup(page, OWNER);
  } else {
    await signIn(page, OWNER);
  }
  await expect(page.getByTestId('nav-account')).toContainText(OWNER.name);
  // Every spec's device starts with the default settings stored (as before settings followed the account): a device
  // copy of unknown age wins over the account's, so one spec's settings never leak into the next through the account.
  await page.evaluate((settings) => localStorage.setItem('cue.settings.v1', JSON.stringify({ state: { settings }, version: 1 })), cloneDefaultSettings());
  await page.context().storageState({ path: OWNER_STATE });
});
