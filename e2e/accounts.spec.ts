import { expect, test } from '@playwright/test';
import { OWNER, SIGNED_OUT, signIn } from './support/accounts';
import { shotPath } from './support/shots';

/** Signed out: every page leads to /sign-in and back; /setup is closed once the owner exists; no default credentials. */
test.use({ storageState: SIGNED_OUT });

test('a signed-out visitor is sent to sign in, then back to the page they asked for', async ({ page }) => {
  await page.goto('/history?scenario=municipal-coo-sic');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhistory/);
  await expect(page.getByTestId('nav-history')).toHaveCount(0);
  await page.screenshot({ path: shotPath('sign-in'), fullPage: true });
  for (const path of ['/', '/live', '/practice', '/practice/scenarios', '/account', '/admin', '/live/history']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in\?next=/);
  }
  // The owner exists, so first-run setup is closed to everyone else.
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto('/sign-in?next=%2Fhistory');
  await signIn(page, { email: OWNER.email, password: 'not-the-password' });
  await expect(page.getByTestId('form-error')).toHaveText('That email and password do not match an account.');
  await expect(page.getByTestId('field-email')).toHaveValue(OWNER.email);
  await signIn(page, OWNER);
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByTestId('nav-account')).toContainText(OWNER.name);
});

test('the session cookie is httpOnly and SameSite=Lax; signing out ends the session', async ({ page, context }) => {
  await page.goto('/sign-in');
  await signIn(page, OWNER);
  await expect(page.getByTestId('nav-account')).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('session_token'));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await page.goto('/account');
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/live');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Flive/);
});

test('a wrong or used invitation link says so and offers sign-in', async ({ page }) => {
  await page.goto('/invite/not-a-real-token-0123456789abcdef');
  await expect(page.getByTestId('invite-closed')).toHaveAttribute('data-status', 'unknown');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
});
