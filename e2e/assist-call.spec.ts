import { expect, test } from '@playwright/test';
import { shotPath } from './support/shots';

/**
 * Agent assist on the local engine and the local text model: a rehearsal call typed as the
 * customer finds the customer and the order, suggests a reply citing the shipping policy,
 * proposes a replacement the agent confirms, ticks the checklist, redacts a spoken card number,
 * shows on the supervisor view while it runs, and ends in an edited, saved summary.
 */

const REHEARSAL = 'my order 4411-2093 never arrived, my email is dana dot whitfield at example dot com';

test('a rehearsal call from greeting to saved summary', async ({ page, context }) => {
  // The first visit generates the demo data set (50,000 customers, 200,000 orders) on PGlite.
  test.setTimeout(240_000);
  await page.goto('/assist', { timeout: 180_000 });
  await page.getByTestId('assist-start').click();
  await expect(page.getByTestId('assist-phase')).toHaveText('● On a call');
  await expect(page.getByTestId('assist-check-recording_disclosure')).toHaveAttribute('data-ticked', 'false');

  const say = async (speaker: 'agent' | 'customer', text: string) => {
    const before = await page.getByTestId('assist-line').count();
    await page.getByTestId('assist-speaker').selectOption(speaker);
    await page.getByTestId('assist-say').fill(text);
    await page.getByTestId('assist-say').press('Enter');
    await expect(page.getByTestId('assist-line')).toHaveCount(before + 1);
  };

  await say('agent', 'Thanks for calling Northwind, this is Sam. This call is recorded for quality.');
  await expect(page.getByTestId('assist-check-greet')).toHaveAttribute('data-ticked', 'true');
  await expect(page.getByTestId('assist-check-recording_disclosure')).toHaveAttribute('data-ticked', 'true');

  await say('customer', REHEARSAL);
  await expect(page.getByTestId('assist-line').last()).toHaveAttribute('data-speaker', 'customer');
  await expect(page.getByTestId('assist-customer-name')).toHaveText('Dana Whitfield');
  await expect(page.getByTestId('assist-order')).toContainText('Order 4411-2093');
  await expect(page.getByTestId('assist-order')).toContainText('shipped');
  await expect(page.getByTestId('assist-tickets')).toContainText('Package delayed');

  const suggestion = page.getByTestId('assist-suggestion-text');
  await expect(suggestion).toContainText('(Source: Shipping policy: parcels that never arrive)');
  await expect(suggestion).toContainText('free replacement');
  await expect(page.getByTestId('assist-sources').getByRole('link')).toHaveAttribute('href', '/assist/kb/policies/shipping-lost-parcel');
  await expect(page.getByTestId('assist-tool-call')).toHaveText([/^get_order_details\(.*4411-2093.*\) → 4411-2093: shipped$/, /^check_policy\(.*shipping.*\) → Shipping policy: parcels that never arrive$/]);
  await expect(page.getByTestId('assist-sentiment').locator('span')).toHaveCount(1);

  // The cited source is a page read from the policy's row.
  const kb = await context.newPage();
  await kb.goto('/assist/kb/policies/shipping-lost-parcel');
  await expect(kb.getByTestId('kb-title')).toHaveText('Shipping policy: parcels that never arrive');
  await expect(kb.getByTestId('kb-article')).toContainText('Policy · Shipping');
  await expect(kb.getByTestId('kb-body')).not.toBeEmpty();
  await kb.screenshot({ path: shotPath('assist-kb-policy'), fullPage: true });
  await kb.goto('/assist/kb/policies/no-such-policy');
  await expect(kb.getByText(/could not be found|404/i).first()).toBeVisible();
  await kb.close();

  // The supervisor sees the call while it runs.
  const supervisor = await context.newPage();
  await supervisor.goto('/assist/supervisor');
  const row = supervisor.getByTestId('supervisor-call').filter({ hasText: 'Dana Whitfield' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Order 4411-2093');
  // Who is on the call: the signed-in owner took it.
  await expect(row.getByTestId('supervisor-agent')).not.toHaveText('—');
  await page.bringToFront();

  // Nothing is sent until the agent confirms.
  const card = page.getByTestId('assist-action-send_replacement');
  await expect(card).toContainText('Send replacement');
  await card.getByRole('button', { name: 'Send replacement…' }).click();
  await expect(page.getByTestId('assist-audit-row')).toHaveCount(0);
  await card.getByTestId('assist-action-confirm').click();
  await expect(page.getByTestId('assist-audit-row')).toContainText('Replacement of Wireless headphones, Noise-cancelling headphones queued for express shipping');
  await expect(page.getByTestId('assist-audit-row')).toContainText('outbox: fulfilment pending, email pending');
  await expect(page.getByTestId('assist-action-send_replacement')).toHaveCount(0);

  // A card number spoken is redacted in what is stored, with a marker and an alert.
  await say('customer', 'should I give you my card, it is 4111 1111 1111 1111');
  await expect(page.getByTestId('assist-line').last()).toContainText('[card number redacted]');
  await expect(page.getByTestId('assist-line').last()).not.toContainText('4111');
  await expect(page.getByTestId('assist-alert-pii_spoken')).toBeVisible();

  await say('agent', "I'm so sorry about that. The replacement ships today. Is there anything else I can help you with?");
  await expect(page.getByTestId('assist-check-empathy')).toHaveAttribute('data-ticked', 'true');
  await expect(page.getByTestId('assist-check-anything_else')).toHaveAttribute('data-ticked', 'true');
  await page.screenshot({ path: shotPath('assist-mid-call'), fullPage: true });

  await expect(supervisor.getByTestId('supervisor-alert').first()).toContainText('card number', { timeout: 10_000 });
  await supervisor.screenshot({ path: shotPath('assist-supervisor'), fullPage: true });

  await page.getByTestId('assist-hang-up').click();
  await expect(page.getByTestId('assist-after-call')).toBeVisible();
  await expect(page.getByTestId('assist-disposition')).toHaveValue('replacement_sent');
  await expect(page.getByTestId('assist-summary-reason')).toHaveValue(/Order 4411-2093: my order 4411-2093 never arrived/);
  await expect(page.getByTestId('assist-crm-note')).toHaveValue(/Call with Dana Whitfield/);
  await page.getByTestId('assist-summary-resolution').fill('Replacement sent express; customer happy.');
  await page.getByTestId('assist-save').click();
  await expect(page.getByTestId('assist-saved')).toHaveText('Saved');
  await page.screenshot({ path: shotPath('assist-after-call'), fullPage: true });

  // The call has left the supervisor view, and it is found among past calls.
  await expect(supervisor.getByTestId('supervisor-call').filter({ hasText: 'Dana Whitfield' })).toHaveCount(0, { timeout: 10_000 });
  await page.getByTestId('assist-past-search').fill('4411-2093');
  await page.getByTestId('assist-past-search').press('Enter');
  await expect(page.getByTestId('assist-past-call').first()).toContainText('Replacement sent express; customer happy.');
});

test('an unknown order number is said in words and the call goes on', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/assist', { timeout: 180_000 });
  await page.getByTestId('assist-start').click();
  await page.getByTestId('assist-say').fill('my order 1111-0000 never arrived');
  await page.getByTestId('assist-say').press('Enter');
  await expect(page.getByTestId('assist-not-found')).toHaveText('No order 1111-0000 in the order system.');
  await expect(page.getByTestId('assist-suggestion-text')).toContainText("can't find an order 1111-0000");
  // Several customers named alike are a ranked choice, not an error.
  await page.getByTestId('assist-say').fill('my name is Chloe Jackson');
  await page.getByTestId('assist-say').press('Enter');
  await expect(page.getByTestId('assist-candidates').getByRole('button').first()).toBeVisible();
  await page.getByTestId('assist-candidates').getByRole('button').first().click();
  await expect(page.getByTestId('assist-customer-name')).toHaveText(/Jackson/);
  await page.getByTestId('assist-hang-up').click();
  await expect(page.getByTestId('assist-after-call')).toBeVisible();
});
