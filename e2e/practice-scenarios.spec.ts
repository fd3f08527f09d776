import { expect, test } from '@playwright/test';
import { scenarioFile, uniqueId } from './support/scenario-fixture';
import { shotPath } from './support/shots';

/** The scenario editor: invalid input refused field by field with nothing saved; create, duplicate, edit, delete, import. */

test('importing bad JSON is refused with errors by field, and nothing is imported', async ({ page }) => {
  await page.goto('/practice/scenarios');
  const before = await page.getByTestId('editor-row').count();
  await page.getByTestId('open-import').click();

  // Not JSON at all.
  await page.getByTestId('import-json').fill('{ "format": "cue-scenario", ');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-message')).toContainText('Nothing was imported');
  await expect(page.getByTestId('field-error-(file)')).toContainText('not valid JSON');

  // JSON, but the scenario is wrong in several fields.
  const id = uniqueId('bad-import');
  const file = JSON.parse(scenarioFile(id, 'Broken scenario')) as { scenario: Record<string, unknown> & { persona: Record<string, unknown> } };
  file.scenario.persona.role = 'x';
  file.scenario.objectionBank = [{ type: 'Budget', text: 'Too expensive.' }];
  file.scenario.timeLimitMinutes = 120;
  await page.getByTestId('import-json').fill(JSON.stringify(file));
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('field-error-persona.role')).toContainText('at least 3 characters');
  await expect(page.getByTestId('field-error-objectionBank')).toContainText('at least 3');
  await expect(page.getByTestId('field-error-objectionBank.0.type')).toBeVisible();
  await expect(page.getByTestId('field-error-timeLimitMinutes')).toContainText('at most 60');

  await page.goto('/practice/scenarios');
  await expect(page.getByTestId('editor-row')).toHaveCount(before);
  await expect(page.locator(`[data-scenario-id="${id}"]`)).toHaveCount(0);
});

test('a valid import appears in the library; importing it again offers a copy', async ({ page }) => {
  const id = uniqueId('imported');
  await page.goto('/practice/scenarios');
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-json').fill(scenarioFile(id, 'Imported COO'));
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('editor-notice')).toContainText(`Imported “Imported COO” (${id})`);
  await expect(page.locator(`[data-testid="editor-row"][data-scenario-id="${id}"]`)).toBeVisible();

  await page.getByTestId('open-import').click();
  await page.getByTestId('import-json').fill(scenarioFile(id, 'Imported COO'));
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('field-error-id')).toContainText('already used');
  await page.getByTestId('import-as-copy').click();
  await expect(page.getByTestId('editor-notice')).toContainText(`(${id}-copy)`);

  await page.goto('/practice');
  await expect(page.locator(`[data-testid="scenario-card"][data-scenario-id="${id}"]`)).toBeVisible();
  await page.screenshot({ path: shotPath('practice-library'), fullPage: true });
});

test('the form refuses invalid input inline, saves nothing, then saves once fixed', async ({ page }) => {
  const id = uniqueId('made-here');
  await page.goto('/practice/scenarios');
  const before = await page.getByTestId('editor-row').count();
  await page.getByTestId('new-scenario').click();
  await page.getByTestId('field-id').fill('Not An Id');
  await page.getByTestId('field-title').fill('Hi');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('form-message')).toContainText('Nothing was saved');
  await expect(page.getByTestId('field-error-id')).toContainText('lowercase');
  await expect(page.getByTestId('field-error-title')).toContainText('at least 3 characters');
  await expect(page.getByTestId('field-error-persona.name')).toBeVisible();
  await expect(page.getByTestId('field-error-objectionBank.0.text')).toBeVisible();
  await expect(page.getByTestId('field-error-hotButtons')).toBeVisible();
  await page.screenshot({ path: shotPath('editor-errors'), fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('editor-row')).toHaveCount(before);

  // Duplicate a built-in (read-only: no Edit/Delete), edit the copy, then delete it.
  const builtin = page.locator('[data-testid="editor-row"][data-scenario-id="procurement-price-pushback"]');
  await expect(builtin.getByTestId('edit-procurement-price-pushback')).toHaveCount(0);
  await expect(builtin.getByTestId('delete-procurement-price-pushback')).toHaveCount(0);
  await builtin.getByTestId('duplicate-procurement-price-pushback').click();
  await expect(page.getByTestId('scenario-form')).toBeVisible();
  await expect(page.getByTestId('field-id')).toHaveValue(/^procurement-price-pushback-copy/);
  const copyId = await page.getByTestId('field-id').inputValue();
  await page.getByTestId('field-title').fill(`Tougher procurement ${id}`);
  await page.getByTestId('field-escalation.response').fill('');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('field-error-escalation.response')).toBeVisible();
  await page.getByTestId('field-escalation.response').fill('That is not good enough. Sharpen the number or we go to tender.');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('editor-notice')).toContainText(`Saved “Tougher procurement ${id}”`);
  const copyRow = page.locator(`[data-testid="editor-row"][data-scenario-id="${copyId}"]`);
  await expect(copyRow).toContainText(`Tougher procurement ${id}`);
  await copyRow.getByTestId(`delete-${copyId}`).click();
  await copyRow.getByTestId(`confirm-delete-${copyId}`).click();
  await expect(page.getByTestId('editor-notice')).toContainText('Scenario deleted');
  await expect(page.locator(`[data-testid="editor-row"][data-scenario-id="${copyId}"]`)).toHaveCount(0);
});

test('a new scenario takes its id from the title until the id is edited, and Save stays in reach at the bottom', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/practice/scenarios');
  await page.getByTestId('new-scenario').click();
  const id = page.getByTestId('field-id');
  await page.getByTestId('field-title').fill("Budget cut: the CFO's call");
  await expect(id).toHaveValue('budget-cut-the-cfos-call');
  await id.fill('my-own-id');
  await page.getByTestId('field-title').fill('Another title');
  await expect(id).toHaveValue('my-own-id');
  await id.fill('');
  await page.getByTestId('field-title').fill('Zürich depot review');
  await expect(id).toHaveValue('zurich-depot-review');

  // The form is taller than the window, but the save bar is on screen at the top and the bottom.
  const bar = page.getByTestId('scenario-save-bar');
  const form = await page.getByTestId('scenario-form').boundingBox();
  expect(form?.height ?? 0).toBeGreaterThan(800);
  await expect(bar).toBeInViewport();
  await expect(bar.getByTestId('save-scenario')).toBeInViewport();
  await page.screenshot({ path: shotPath('scenario-form-save-bar') });
  console.log(`scenario form height at 1280 px: ${Math.round(form?.height ?? 0)} px`);

  // Save with errors: the message is in the bar, and the first wrong field has the focus.
  await bar.getByTestId('save-scenario').click();
  await expect(bar.getByTestId('form-message')).toContainText('Nothing was saved');
  await expect(bar.getByTestId('form-message')).toBeInViewport();
  await expect(page.locator('[data-testid="scenario-form"] [aria-invalid="true"]:focus')).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(bar).toBeInViewport();
});

test('the difficulty picker shows where the keyboard focus is', async ({ page }) => {
  await page.goto('/practice');
  const card = page.locator('[data-testid="scenario-card"][data-scenario-id="municipal-coo-sic"]');
  await card.getByTestId('difficulty-medium').focus();
  await page.keyboard.press('ArrowRight');
  await expect(card.getByTestId('difficulty-hard')).toBeChecked();
  await expect(card.getByTestId('difficulty-hard')).toBeFocused();
  const ring = await card.getByTestId('difficulty-option-hard').evaluate((el) => getComputedStyle(el).boxShadow);
  expect(ring).not.toBe('none');
  await card.screenshot({ path: shotPath('difficulty-focus') });
  // Selected but not focused: the ring goes.
  await card.getByTestId('difficulty-hard').blur();
  const unfocused = await card.getByTestId('difficulty-option-hard').evaluate((el) => getComputedStyle(el).boxShadow);
  expect(unfocused).not.toBe(ring);
});
