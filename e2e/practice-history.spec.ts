import { expect, test, type Page } from '@playwright/test';
import { PracticePage } from './support/practice-page';
import { shotPath } from './support/shots';
import { scenarioFile, uniqueId } from './support/scenario-fixture';

/**
 * History and progress: attempts at one scenario (a fresh copy of the seed's COO imported
 * under a unique id, so earlier runs do not count) show attempts, first vs best and a
 * score-over-time chart; a call ended before the user says anything is not scored; the page
 * hydrates without errors and fits a 390 px screen; the session list pages.
 */

async function importScenario(page: Page, id: string, title: string): Promise<void> {
  await page.goto('/practice/scenarios');
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-json').fill(scenarioFile(id, title));
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('editor-notice')).toContainText(`Imported “${title}”`);
}

async function attempt(practice: PracticePage, scenarioId: string, answers: string[]): Promise<number> {
  await practice.startCall(scenarioId, { typeOnly: true });
  await expect(practice.item('assistant').first()).toContainText('Seventy-eight percent');
  await practice.clientDone();
  for (const answer of answers) {
    const replies = await practice.item('assistant').count();
    await practice.type(answer);
    await expect(practice.item('user').last()).toContainText(answer);
    // The persona answers each turn (in its own words, reacting to what was said).
    await expect(practice.item('assistant')).toHaveCount(replies + 1);
    await practice.clientDone();
  }
  await practice.end();
  return Number((await practice.page.getByTestId('debrief-score').textContent())?.trim());
}

/** Start a call and end it before saying anything: no score, and the debrief says why. */
async function silentAttempt(practice: PracticePage, scenarioId: string): Promise<void> {
  await practice.startCall(scenarioId, { typeOnly: true });
  await practice.end();
  const missing = practice.page.getByTestId('debrief-missing');
  await expect(missing).toHaveAttribute('data-status', 'nothing_said');
  await expect(missing).toContainText('ended before you said anything, so there was nothing to score');
  await expect(practice.page.getByTestId('debrief-score')).toHaveCount(0);
}

/** Console errors and uncaught page errors (hydration mismatches among them), except a missing favicon. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (m.text().startsWith('Failed to load resource') && m.location().url.endsWith('/favicon.ico')) return;
    errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

async function expectFitsScreen(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, clipped } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
    clipped: [...document.querySelectorAll('h1, h2')].filter((h) => h.scrollWidth > h.clientWidth).map((h) => h.textContent),
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  expect(clipped, 'headings cut off').toEqual([]);
}

/** The smallest chart label as rendered: computed font size times the SVG's scale on screen. */
async function smallestChartLabelPx(page: Page): Promise<number> {
  const sizes = await page.getByTestId('score-chart').locator('svg text').evaluateAll((els) =>
    (els as SVGTextElement[])
      .filter((t) => t.getBoundingClientRect().width > 0)
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1)),
  );
  expect(sizes.length).toBeGreaterThan(0);
  return Math.min(...sizes);
}

test('attempts show progress: attempts, first vs best, a score chart and metric trends; a silent call is not scored', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  const id = uniqueId('progress-coo');
  const title = `Progress run ${id}: a long scenario title that has to wrap on a phone`;
  await importScenario(page, id, title);
  const practice = new PracticePage(page);

  const first = await attempt(practice, id, ['We are working on it.']);
  const second = await attempt(practice, id, ['I own this gap and we will fix it.']);
  await silentAttempt(practice, id);
  const third = await attempt(practice, id, [
    'I own this gap, it is on us. Maria Lopez will own the North depot recovery plan by 14 June.',
    'We will hold a weekly review every Friday, with a checkpoint at 85 percent by 30 May, before the milestone payment.',
    'What matters most to you before the steering committee?',
  ]);
  expect(first).toBeLessThan(third);
  expect(second).toBeGreaterThanOrEqual(first);
  errors.length = 0; // only /history's own errors count below

  await page.goto(`/history?scenario=${id}`);
  const panel = page.locator(`[data-testid="progress-panel"][data-scenario-id="${id}"]`);
  await expect(panel.getByTestId('progress-attempts')).toHaveText('4');
  await expect(panel).toContainText('3 scored');
  await expect(panel.getByTestId('progress-first')).toHaveText(`${first}/10`);
  await expect(panel.getByTestId('progress-best')).toHaveText(`${Math.max(first, second, third)}/10`);
  // the silent call is no point on the chart and no 1/10 in the averages
  await expect(panel.getByTestId('score-chart')).toHaveAttribute('data-points', '3');
  await expect(panel.getByTestId('score-point')).toHaveCount(3);
  expect(await panel.getByTestId('score-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score'))))).toEqual([first, second, third]);
  await expect(panel.getByTestId('score-point').first().locator('title')).toHaveText(/^Attempt 1, .+, Medium: \d{1,2}\/10$/);
  await expect(panel.getByTestId('metric-trends')).toBeVisible();
  await expect(panel.getByTestId('trend-specifics')).toBeVisible();

  // The filtered list holds exactly these four sessions, newest first; the silent one says why it has no score.
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(4);
  expect(await rows.getByTestId('session-score').allTextContents()).toEqual([`${third}/10`, '—', `${second}/10`, `${first}/10`]);
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'nothing_said');
  await expect(rows.nth(1).getByTestId('status-badge')).toHaveText('Nothing said · not scored');
  await expect(page.getByTestId('pager')).toHaveCount(0);
  await page.screenshot({ path: shotPath('progress-three-attempts'), fullPage: true });

  // The silent session's own page says so plainly.
  await rows.nth(1).click();
  await expect(page.getByTestId('session-page')).toHaveAttribute('data-status', 'nothing_said');
  await expect(page.getByTestId('debrief-missing')).toContainText('It does not count in your progress.');

  // No hydration or console error on /history with a chart, filtered or not.
  await page.goto('/history');
  await expect(page.getByTestId('score-chart').first()).toBeVisible();
  await page.goto(`/history?scenario=${id}`);
  await expect(panel.getByTestId('score-chart')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);

  // At 390 px: no sideways scroll, chart labels of 11 px or more, titles wrap.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of [`/history?scenario=${id}`, '/history']) {
    await page.goto(url);
    await expect(page.getByTestId('score-chart').first()).toBeVisible();
    await expectFitsScreen(page);
    expect(await smallestChartLabelPx(page)).toBeGreaterThanOrEqual(11);
  }
  await page.goto(`/history?scenario=${id}`);
  await page.screenshot({ path: shotPath('history-390'), fullPage: true });
  await rows.first().click();
  await expect(page.getByTestId('session-page')).toHaveAttribute('data-status', 'completed');
  await expectFitsScreen(page);
  await page.screenshot({ path: shotPath('session-390'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The library card shows the record too.
  await page.goto('/practice');
  await expect(practice.card(id).getByTestId('card-progress')).toContainText(`4 attempts · best ${Math.max(first, second, third)}/10`);
  expect(errors).toEqual([]);
});

test('the session list pages through a long history and keeps the scenario filter', async ({ page }) => {
  test.setTimeout(300_000);
  const id = uniqueId('paging-coo');
  await importScenario(page, id, `Paging run ${id}`);
  const practice = new PracticePage(page);
  for (let i = 0; i < 21; i++) await silentAttempt(practice, id); // one more than a page (20)

  await page.goto(`/history?scenario=${id}`);
  const panel = page.locator(`[data-testid="progress-panel"][data-scenario-id="${id}"]`);
  await expect(panel.getByTestId('progress-attempts')).toHaveText('21');
  await expect(panel).toContainText('0 scored');
  await expect(panel.getByTestId('score-chart')).toHaveCount(0);
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(20);
  expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))).toEqual(new Set(['nothing_said']));
  await expect(page.getByTestId('pager-status')).toHaveText('1–20 of 21 · page 1 of 2');
  const firstPage = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-session-id')));

  await page.getByTestId('pager-older').click();
  await expect(page).toHaveURL(new RegExp(`/history\\?scenario=${id}&page=2$`));
  await expect(page.getByTestId('pager-status')).toHaveText('21–21 of 21 · page 2 of 2');
  await expect(rows).toHaveCount(1);
  expect(firstPage).not.toContain(await rows.first().getAttribute('data-session-id'));
  await expect(page.getByTestId('scenario-filter')).toHaveValue(id);
  await expect(page.getByTestId('pager-older')).toHaveCount(0);

  await page.getByTestId('pager-newer').click();
  await expect(page).toHaveURL(new RegExp(`/history\\?scenario=${id}$`));
  await expect(rows).toHaveCount(20);
  // a page past the end shows the last page
  await page.goto(`/history?scenario=${id}&page=99`);
  await expect(page.getByTestId('pager-status')).toHaveText('21–21 of 21 · page 2 of 2');
});

test('the history filter narrows the list to one scenario and survives a reload', async ({ page }) => {
  await page.goto('/history');
  const filter = page.getByTestId('scenario-filter');
  const options = await filter.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
  test.skip(options.length === 0, 'no sessions yet');
  const chosen = options[0] ?? '';
  await filter.selectOption(chosen);
  await expect(page).toHaveURL(new RegExp(`scenario=${chosen}`));
  await page.reload();
  await expect(page.getByTestId('scenario-filter')).toHaveValue(chosen);
  await expect(page.locator(`[data-testid="progress-panel"]`)).toHaveCount(1);
});
