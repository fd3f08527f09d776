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
