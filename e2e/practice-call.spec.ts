import { expect, test } from '@playwright/test';
import { EngineControls } from './support/engine-controls';
import { PracticePage } from './support/practice-page';
import { shotPath } from './support/shots';

/**
 * The practice call on the local engine (roleplay-client policy: a scripted persona, no AI)
 * driven through its test controls: the persona speaks first, injected user turns get
 * replies that react to what was said (acknowledging what was given, pressing on only what
 * is missing), tag_turn calls move the live panel, trigger phrases escalate, End gives a debrief.
 */

const COO = 'municipal-coo-sic';
const OPENING = "I've seen the numbers. Seventy-eight percent against ninety-five, and your reports have said green for six weeks. Explain.";
const ESCALATION = "Stop. I didn't hire you to tell me why it's hard. I hired you to fix it. Give me the owner, the date and the checkpoint, or this goes to the steering committee.";
const FIRST_OBJECTION = 'Seventy-eight percent. You promised ninety-five. Why should I believe your next number?';
const PRESS = 'No owner, no date. Who owns it, and by when?';

test.afterEach(async ({ request }) => {
  await new EngineControls(request).clearFaults();
});

test('the persona speaks first, answers injected and typed turns, and the live panel follows its turn tags', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  await practice.startCall(COO);
  await engine.waitForOpenSession();

  // Opening line first, tagged with the difficulty's starting mood.
  await expect(practice.item('assistant').first()).toContainText(OPENING);
  await expect(practice.mood).toHaveAttribute('data-mood', 'skeptical');
  await expect(practice.difficulty).toHaveAttribute('data-difficulty', '2');
  await expect(practice.objection).toHaveText('Data');
  await expect(practice.timer).toHaveAttribute('data-remaining', /^(59\d|600)$/);
  await practice.clientDone();

  // A vague spoken answer: pressed on what is missing (no echo), mood worsens.
  await engine.utterance('We are working very hard on the depots');
  await expect(practice.item('user').last()).toContainText('We are working very hard on the depots');
  await expect(practice.item('assistant').last()).toContainText(PRESS);
  await expect(practice.mood).toHaveAttribute('data-mood', 'frustrated');
  await expect(practice.difficulty).toHaveAttribute('data-difficulty', '3');
  await expect(practice.objection).toHaveText('Governance');
  await expect(practice.nextProbe).toHaveText('Who owns it, and by when?');
  await expect(page.getByTestId('turn-tag')).toHaveCount(2);
  await practice.clientDone();

  // A typed, specific answer: acknowledged in the user's words, the next objection follows, the client calms down.
  await practice.type('Maria Lopez will own the North depot fix by 14 June, with a weekly review every Friday.');
  await expect(practice.item('user').last()).toContainText('Maria Lopez will own');
  await expect(practice.item('assistant').last()).toContainText(`Maria Lopez by 14 June, with a weekly review — fine. ${FIRST_OBJECTION}`);
  await expect(page.getByTestId('turn-tag')).toHaveCount(3);
  await expect(practice.mood).toHaveAttribute('data-mood', 'skeptical');
  await page.screenshot({ path: shotPath('practice-call-in-progress'), fullPage: true });

  // What the app sent: the per-session persona (not the registry default) and a silent tag output.
  const updates = await engine.received('session.update');
  expect(JSON.stringify(updates[0])).toContain('Helen Brandt');
  const outputs = await engine.received('conversation.item.create');
  expect(outputs.filter((o) => JSON.stringify(o).includes('function_call_output'))).toHaveLength(3);
});

test('the persona acknowledges a good typed answer in the user’s own words and moves to the next objection', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  await practice.startCall(COO);
  await engine.waitForOpenSession();
  await expect(practice.item('assistant').first()).toContainText(OPENING);
  await practice.clientDone();

  await practice.type('I own the recovery: 85 percent by 15 March, Maria Lopez owns the depot roster fix by 1 March');
  const reply = practice.item('assistant').nth(1);
  await expect(reply).toContainText(`Maria Lopez by 1 March — fine. ${FIRST_OBJECTION}`);
  await expect(reply).toHaveAttribute('data-status', 'completed');
  await expect(practice.transcript).not.toContainText('You said');
  await expect(practice.transcript).not.toContainText('No owner');
  await expect(practice.mood).toHaveAttribute('data-mood', 'neutral');
  await expect(practice.objection).toHaveText('Results');
  await page.screenshot({ path: shotPath('practice-call-good-answer'), fullPage: true });
});

test('an escalation line never quotes words the user did not say (CIO)', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  await practice.startCall('cio-outage-review');
  await engine.waitForOpenSession();
  await expect(practice.item('assistant')).toHaveCount(1);
  await practice.clientDone();
  await practice.type('Honestly, that is not our fault, the database vendor patched it');
  await expect(practice.escalations).toHaveCount(1);
  // The scenario's line quotes 'one-off'; the user said "not our fault", so that is what is quoted.
  await expect(practice.item('assistant').last()).toContainText("I've heard 'not our fault' before. I answer to a board and a regulator.");
  await expect(practice.transcript).not.toContainText('one-off');
  const creates = await engine.received('response.create');
  expect(JSON.stringify(creates.at(-1))).toContain('"phrase":"not our fault"');
});

test('the user can barge in: the persona stops and its turn is marked cut off', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  await practice.startCall(COO);
  await engine.waitForOpenSession();
  await expect(practice.item('assistant').first()).toHaveAttribute('data-status', 'in_progress');
  await engine.utterance('Sorry to cut in');
  await expect(practice.item('assistant').first()).toHaveAttribute('data-status', 'incomplete');
  await expect(practice.item('assistant').first()).toContainText('cut off');
  await expect(practice.item('user').first()).toContainText('Sorry to cut in');
  await expect(practice.item('assistant').last()).toContainText(PRESS);
});

test('an escalation phrase makes the persona escalate, shown in the panel and the transcript', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  await practice.startCall(COO);
  await engine.waitForOpenSession();
  await expect(practice.item('assistant').first()).toContainText(OPENING);
  await practice.clientDone();

  await engine.utterance('Honestly, that is not our fault');
  await expect(practice.escalations).toHaveCount(1);
  await expect(practice.escalations.first()).toContainText('Escalation 1: you said “not our fault”');
  await expect(practice.item('assistant').last()).toContainText(ESCALATION);
  // The automatic reply was cancelled: no ordinary reply to the trigger turn.
  await expect(practice.transcript).not.toContainText('That is an excuse, not a plan.');
  await expect(practice.mood).toHaveAttribute('data-mood', 'frustrated');
  await expect(practice.difficulty).toHaveAttribute('data-difficulty', '4');
  const creates = await engine.received('response.create');
  expect(JSON.stringify(creates.at(-1))).toContain('"cue_purpose":"escalation"');
  await page.screenshot({ path: shotPath('practice-escalation'), fullPage: true });
  await practice.clientDone();

  // Typed triggers escalate too (medium allows two per call, two client turns apart).
  await practice.type('Fair. Let me walk you through North depot.');
  await expect(practice.item('assistant').last()).toContainText(PRESS);
  await practice.clientDone();
  await practice.type('We need more time');
  await expect(practice.escalations).toHaveCount(2);
  await expect(practice.item('assistant').last()).toContainText(`${ESCALATION} That's the second time.`);
});

test('End call gives a debrief scored by the offline rubric, with criteria and delivery metrics', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  const sessionId = await practice.startCall(COO, { typeOnly: true });
  await engine.waitForOpenSession();
  await expect(practice.item('assistant').first()).toContainText(OPENING);
  await practice.clientDone();
  await practice.type('I own this gap. Maria Lopez will own the recovery plan, with a checkpoint review on 30 May.');
  await expect(practice.item('assistant').last()).toContainText('Maria Lopez on 30 May, with a checkpoint — fine.');
  await practice.clientDone();
  await practice.type('What matters most to you before the steering committee?');
  await expect(practice.item('assistant').last()).toContainText('Fair question. I need an owner and a date I can defend.');
  await practice.clientDone();

  await practice.end();
  await expect(practice.debrief).toHaveAttribute('data-source', 'rubric');
  await expect(page.getByTestId('debrief-source')).toHaveText('Offline rubric (no AI)');
  await expect(page.getByTestId('debrief-score')).toHaveText(/^([1-9]|10)$/);
  await expect(page.getByTestId('criterion')).toHaveCount(5);
  await expect(page.locator('[data-testid="criterion"][data-met="true"]').first()).toContainText('Owns the gap without blaming client staff');
  await expect(page.getByTestId('metric-talkRatio')).toBeVisible();
  await expect(page.getByTestId('metric-questionsAsked')).toContainText('1');
  await expect(page.getByTestId('metric-wordsPerMinute')).toHaveAttribute('data-assessment', 'unmeasured');
  await page.screenshot({ path: shotPath('practice-debrief'), fullPage: true });

  // The session is in the history with its score, and its page shows the tagged transcript.
  const score = (await page.getByTestId('debrief-score').textContent())?.trim() ?? '';
  await page.goto('/history');
  const row = page.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('session-score')).toContainText(score);
  await row.click();
  await expect(page.getByTestId('session-page')).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('session-utterance')).toHaveCount(5);
  await expect(page.getByTestId('session-transcript').getByTestId('turn-tag')).toHaveCount(3);
  await page.screenshot({ path: shotPath('session-detail'), fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-markdown').click();
  expect((await download).suggestedFilename()).toMatch(/\.md$/);
});

test('a refused connection is explained in words, and the call can be started again', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  await engine.faults({ refuseConnections: true });
  await page.goto('/practice');
  await practice.card(COO).getByTestId('start-call').click();
  await expect(page.getByTestId('error-banner')).toBeVisible();
  await expect(page.getByTestId('error-banner')).not.toHaveText('');
  await expect(practice.call).toHaveAttribute('data-phase', 'ready');
  await engine.clearFaults();
  await page.getByTestId('start-call-button').click();
  await expect(practice.call).toHaveAttribute('data-phase', 'live');
  await expect(practice.item('assistant').first()).toContainText(OPENING);
});
