import { expect, test, type Page } from '@playwright/test';
import { PracticePage } from './support/practice-page';
import { shotPath } from './support/shots';
import { scenarioFile, uniqueId } from './support/scenario-fixture';

/**
 * History and progress: three attempts at one scenario (a fresh copy of the seed's COO
 * imported under a unique id, so earlier runs do not count) show attempts, first vs best
 * and a score-over-time chart with three points.
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

test('three attempts show progress: attempts, first vs best, a score chart and metric trends', async ({ page }) => {
  test.setTimeout(180_000);
  const id = uniqueId('progress-coo');
  const title = `Progress run ${id}`;
  await importScenario(page, id, title);
  const practice = new PracticePage(page);

  const first = await attempt(practice, id, ['We are working on it.']);
  const second = await attempt(practice, id, ['I own this gap and we will fix it.']);
  const third = await attempt(practice, id, [
    'I own this gap, it is on us. Maria Lopez will own the North depot recovery plan by 14 June.',
    'We will hold a weekly review every Friday, with a checkpoint at 85 percent by 30 May, before the milestone payment.',
    'What matters most to you before the steering committee?',
  ]);
  expect(first).toBeLessThan(third);
  expect(second).toBeGreaterThanOrEqual(first);

  await page.goto(`/history?scenario=${id}`);
  const panel = page.locator(`[data-testid="progress-panel"][data-scenario-id="${id}"]`);
  await expect(panel.getByTestId('progress-attempts')).toHaveText('3');
  await expect(panel.getByTestId('progress-first')).toHaveText(`${first}/10`);
  await expect(panel.getByTestId('progress-best')).toHaveText(`${Math.max(first, second, third)}/10`);
  await expect(panel.getByTestId('score-chart')).toHaveAttribute('data-points', '3');
  await expect(panel.getByTestId('score-point')).toHaveCount(3);
  expect(await panel.getByTestId('score-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score'))))).toEqual([first, second, third]);
  await expect(panel.getByTestId('metric-trends')).toBeVisible();
  await expect(panel.getByTestId('trend-specifics')).toBeVisible();

  // The filtered list holds exactly these three sessions, newest first, each with its score.
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(3);
  expect(await rows.getByTestId('session-score').allTextContents()).toEqual([`${third}/10`, `${second}/10`, `${first}/10`]);
  await page.screenshot({ path: shotPath('progress-three-attempts'), fullPage: true });

  // The library card shows the record too.
  await page.goto('/practice');
  await expect(practice.card(id).getByTestId('card-progress')).toContainText(`3 attempts · best ${Math.max(first, second, third)}/10`);
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
