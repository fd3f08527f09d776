import { expect, test, type Page } from '@playwright/test';
import { createInviteLink, createTeam, joinByInvite, OWNER, SIGNED_OUT, signIn } from './support/accounts';
import { EngineControls } from './support/engine-controls';
import { PracticePage } from './support/practice-page';
import { shotPath } from './support/shots';

/**
 * Invitations, roles and ownership in the browser: the owner (admin) makes a team and invites a
 * member and their coach, and an outsider; the member practises; the outsider is refused the
 * member's session; the coach reviews it and the member sees the review; the member exports and
 * deletes; the outsider deletes their account.
 */
test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const TEAM = `Blue ${run}`;
const MEMBER = { name: 'Mia Member', email: `mia.${run}@e2e.cue.test`, password: 'mia-password-123' };
const COACH = { name: 'Cole Coach', email: `cole.${run}@e2e.cue.test`, password: 'cole-password-123' };
const OUTSIDER = { name: 'Otto Outsider', email: `otto.${run}@e2e.cue.test`, password: 'otto-password-123' };

let member: Page;
let coach: Page;
let outsider: Page;
let sessionId = '';

test.afterAll(async () => {
  for (const p of [member, coach, outsider]) await p?.context().close();
});

test('the admin makes a team and invitation links; each link works once', async ({ page, browser }) => {
  await createTeam(page, TEAM);
  const memberLink = await createInviteLink(page, 'member', TEAM);
  const coachLink = await createInviteLink(page, 'coach', TEAM);
  const outsiderLink = await createInviteLink(page, 'member');
  await expect(page.getByTestId('open-invitations')).toBeVisible();
  await page.screenshot({ path: shotPath('admin'), fullPage: true });

  member = await joinByInvite(browser, memberLink, MEMBER);
  coach = await joinByInvite(browser, coachLink, COACH);
  outsider = await joinByInvite(browser, outsiderLink, OUTSIDER);

  // Single use: the member's link no longer works for anyone.
  const again = await browser.newPage({ storageState: SIGNED_OUT });
  await again.goto(memberLink);
  await expect(again.getByTestId('invite-closed')).toHaveAttribute('data-status', 'used');
  await again.context().close();

  await page.goto('/admin');
  const row = page.locator(`[data-testid="account-row"][data-email="${COACH.email}"]`);
  await expect(row.getByTestId('account-role')).toHaveValue('coach');
});

test('a member has no admin page', async () => {
  await expect(member.getByTestId('nav-admin')).toHaveCount(0);
  await member.goto('/admin');
  await expect(member).toHaveURL(/\/\?not=admin$/);
  await member.goto('/admin/sites');
  await expect(member).toHaveURL(/\/\?not=admin$/);
  expect((await member.request.get('/admin/sites/demo/leads.csv')).status()).toBe(403);
});

test('the member practises a call that is theirs', async ({ request }) => {
  const practice = new PracticePage(member);
  sessionId = await practice.startCall('municipal-coo-sic', { typeOnly: true });
  await new EngineControls(request).waitForOpenSession();
  // The opening line first: "connected" comes before the client starts speaking.
  await expect(practice.item('assistant').first()).toContainText('Seventy-eight percent');
  await practice.clientDone();
  await practice.type('I own this gap. Maria Lopez will own the recovery plan, with a checkpoint review on 30 May.');
  await expect(practice.item('assistant').last()).toContainText('Maria Lopez on 30 May');
  await practice.clientDone();
  await practice.end();
  await expect(practice.debrief).toHaveAttribute('data-source', 'rubric');
});

test('another account opening the session or its call page gets a clear "not yours" page', async () => {
  for (const path of [`/history/${sessionId}`, `/practice/call/${sessionId}`]) {
    await outsider.goto(path);
    await expect(outsider.getByTestId('not-yours'), path).toContainText('is not yours');
    await expect(outsider.getByTestId('session-transcript')).toHaveCount(0);
  }
  await outsider.screenshot({ path: shotPath('not-yours'), fullPage: true });
  await outsider.goto('/history');
  await expect(outsider.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`)).toHaveCount(0);
  // Its owner still can.
  await member.goto('/history');
  await expect(member.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`)).toBeVisible();
});

test('the coach sees the session in /history, scores it and pins a comment; the member sees both', async ({ page }) => {
  await coach.goto('/history');
  await expect(coach.getByTestId('person-filter')).toBeVisible();
  await coach.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`).click();
  await expect(coach.getByTestId('session-owner')).toHaveText(`Practised by ${MEMBER.name}`);
  const aiScore = (await coach.getByTestId('debrief-score').textContent())?.trim() ?? '';
  await coach.getByTestId('coach-score-input').selectOption('4');
  await coach.getByTestId('coach-score-save').click();
  await expect(coach.getByTestId('coach-score')).toContainText('Coach score 4/10');
  await expect(coach.getByTestId('ai-score')).toHaveText(`rubric score ${aiScore}/10`);
  await coach.getByTestId('coach-comment-body').fill('Good: you named an owner and a date. Now say what happens at the checkpoint.');
  await coach.getByTestId('coach-comment-add').click();
  await expect(coach.getByTestId('coach-comment')).toContainText('Now say what happens at the checkpoint.');
  await coach.screenshot({ path: shotPath('coach-review'), fullPage: true });

  await member.goto(`/history/${sessionId}`);
  await expect(member.getByTestId('coach-score')).toContainText(`Coach score 4/10`);
  await expect(member.getByTestId('ai-score')).toHaveText(`rubric score ${aiScore}/10`);
  await expect(member.getByTestId('coach-comment')).toContainText(`Coach ${COACH.name}:`);
  await expect(member.getByTestId('coach-review-panel')).toHaveCount(0);
  await member.screenshot({ path: shotPath('member-sees-review'), fullPage: true });

  // The admin is not the member's coach: refused.
  await page.goto(`/history/${sessionId}`);
  await expect(page.getByTestId('not-yours')).toBeVisible();
});

test('the member exports all their data as JSON, then deletes the session', async () => {
  await member.goto('/account');
  const download = member.waitForEvent('download');
  await member.getByTestId('export-my-data').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cue-export-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8'));
  expect(data).toMatchObject({ format: 'cue-account-export', account: { email: MEMBER.email } });
  expect(data.practiceSessions.map((s: { id: string }) => s.id)).toEqual([sessionId]);
  expect(data.practiceSessions[0].review.coachScore.score).toBe(4);

  await member.goto(`/history/${sessionId}`);
  await member.getByTestId('delete-session').click();
  await member.getByTestId('delete-session-confirm').click();
  await expect(member).toHaveURL(/\/history\?deleted=1$/);
  await expect(member.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`)).toHaveCount(0);
  await member.goto(`/history/${sessionId}`);
  await expect(member.getByRole('heading', { level: 1 })).toContainText(/not found|404/i);
});

test('the outsider deletes their account and everything in it; they can no longer sign in', async () => {
  await outsider.goto('/account');
  await outsider.getByTestId('delete-account-start').click();
  await outsider.getByTestId('field-password').fill('wrong-password-0');
  await outsider.getByTestId('delete-account-confirm').click();
  await expect(outsider.getByTestId('delete-account-form').getByTestId('form-error')).toContainText('Nothing was deleted');
  await outsider.getByTestId('field-password').fill(OUTSIDER.password);
  await outsider.getByTestId('delete-account-confirm').click();
  await expect(outsider).toHaveURL(/\/sign-in/);
  await signIn(outsider, OUTSIDER);
  await expect(outsider.getByTestId('form-error')).toBeVisible();
  await signIn(outsider, OWNER);
  await outsider.goto('/admin');
  await expect(outsider.locator(`[data-testid="account-row"][data-email="${OUTSIDER.email}"]`)).toHaveCount(0);
});

test('agent assist: a member has no supervisor view and no import; the coach has the view', async () => {
  await member.goto('/assist');
  await expect(member.getByTestId('assist-start')).toBeVisible();
  await expect(member.getByTestId('assist-supervisor-link')).toHaveCount(0);
  await expect(member.getByTestId('assist-csv-import')).toHaveCount(0);
  await member.goto('/assist/supervisor');
  await expect(member.getByTestId('not-for-role')).toContainText('not for your role');
  await member.screenshot({ path: shotPath('assist-not-for-role'), fullPage: true });
  await coach.goto('/assist');
  await coach.getByTestId('assist-supervisor-link').click();
  await expect(coach.getByTestId('supervisor-count')).toBeVisible();
  await coach.goto('/'); // the supervisor view polls; leave it
});
