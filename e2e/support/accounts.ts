import { expect, type Browser, type Page } from '@playwright/test';

/**
 * Test accounts (e2e only: the app has no default credentials). The owner is created on the
 * fresh e2e data dir by e2e/auth.setup.ts and its signed-in state is what every spec starts with.
 */
export const OWNER = { name: 'Olive Owner', email: 'owner@e2e.cue.test', password: 'e2e-owner-password-1' };
export const OWNER_STATE = 'test-results/.auth/owner.json';
export const SIGNED_OUT = { cookies: [], origins: [] };

export async function fillSetup(page: Page, who: { name: string; email: string; password: string }) {
  await page.getByTestId('field-name').fill(who.name);
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('setup-submit').click();
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
}

/** As the signed-in admin on `page`: an invitation link for a role (and team, by name). */
export async function createInviteLink(page: Page, role: 'member' | 'coach' | 'admin', team?: string): Promise<string> {
  await page.goto('/admin');
  await page.getByTestId('invite-role').selectOption(role);
  if (team) await page.getByTestId('invite-team').selectOption({ label: team });
  await page.getByTestId('invite-create').click();
  const link = page.getByTestId('invite-link');
  await expect(link).toHaveValue(/\/invite\//);
  return link.inputValue();
}

/** A new browser context that joins through an invitation link; returns its page, signed in. */
export async function joinByInvite(browser: Browser, link: string, who: { name: string; email: string; password: string }) {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('field-name').fill(who.name);
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('invite-submit').click();
  await expect(page.getByTestId('nav-account')).toContainText(who.name);
  return page;
}

export async function createTeam(page: Page, name: string) {
  await page.goto('/admin');
  await page.getByTestId('team-name').fill(name);
  await page.getByTestId('team-create').click();
  await expect(page.getByTestId('team-list')).toContainText(name);
}
