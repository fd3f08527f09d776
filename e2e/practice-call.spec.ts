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

  // A trigger phrase in the cooldown (medium: two client turns apart) does not escalate, but the panel notes it.
  const replies = await practice.item('assistant').count();
  await practice.type('Fair, but part of it is out of our control.');
  const held = page.getByTestId('escalation-held');
  await expect(held).toHaveText('“out of our control” noted — escalation cooling down, 1 more client turn. It still counts against you in the debrief.');
  // The client answers it like any other turn.
  await expect(practice.item('assistant')).toHaveCount(replies + 1);
  await expect(practice.escalations).toHaveCount(1);
  await page.screenshot({ path: shotPath('practice-escalation-held'), fullPage: true });
  await practice.clientDone();

  // Typed triggers escalate too (medium allows two per call).
  await practice.type('We need more time');
  await expect(practice.escalations).toHaveCount(2);
  await expect(held).toHaveCount(0);
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

test('the app has an icon: no favicon 404', async ({ request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toMatch(/icon/);
  const svg = await request.get('/icon.svg');
  expect(svg.status()).toBe(200);
});

test('the status line fits the call: a typed call never says "talk over them", a mic call shows its level', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  await practice.startCall(COO, { typeOnly: true });
  await engine.waitForOpenSession();
  await expect(practice.status).toHaveAttribute('data-status', 'speaking');
  await expect(practice.status).toHaveText('Client speaking — Stop the client to cut in, or type your answer');
  await expect(page.getByTestId('call-input-level')).toHaveCount(0);
  await practice.clientDone();
  await expect(practice.status).toHaveText('Connected — type your answer');
  await practice.end();

  await practice.startCall(COO);
  await engine.waitForOpenSession();
  await expect(practice.status).toHaveAttribute('data-status', 'speaking');
  await expect(practice.status).toHaveText('Client speaking — talk over them to interrupt');
  await expect(page.getByTestId('call-input-level')).toBeVisible();
  await practice.clientDone();
  await expect(practice.status).toHaveText('Listening — speak, or type');
  await expect(page.getByTestId('noise-warning')).toHaveCount(0);
});

test('leaving by the top nav asks first: Stay keeps the call; End call and leave ends it with a debrief', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  const sessionId = await practice.startCall(COO, { typeOnly: true });
  await engine.waitForOpenSession();
  await expect(practice.nav('practice')).toHaveAttribute('aria-current', 'page');
  // The opening line first: "connected" comes before the client starts speaking.
  await expect(practice.item('assistant').first()).toContainText(OPENING);
  await practice.clientDone();

  // Reload / close: the browser's own prompt.
  const unload = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  await page.close({ runBeforeUnload: true });
  expect(await unload).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // Nothing said yet: leaving would just leave it unfinished. Stay.
  await practice.nav('history').click();
  await expect(practice.leaveDialog).toBeVisible();
  await expect(practice.leaveDialog).toContainText('Leave the call?');
  await expect(page.getByTestId('leave-call-consequence')).toContainText('You have not said anything yet');
  await page.getByTestId('stay-in-call').click();
  await expect(practice.leaveDialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/practice/call/${sessionId}$`));
  await expect(practice.call).toHaveAttribute('data-phase', 'live');

  await practice.type('I own this gap. Maria Lopez owns the recovery plan, checkpoint review on 30 May.');
  await expect(practice.item('assistant')).toHaveCount(2);
  await practice.clientDone();
  await practice.nav('history').click();
  await expect(page.getByTestId('leave-call-consequence')).toContainText('Leaving ends the call. What was said so far is saved and scored');
  await page.screenshot({ path: shotPath('practice-leave-dialog') });
  await page.getByTestId('leave-call-confirm').click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(practice.nav('history')).toHaveAttribute('aria-current', 'page');
  await expect(practice.nav('practice')).not.toHaveAttribute('aria-current', 'page');
  const row = page.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`);
  await expect(row).toHaveAttribute('data-status', 'completed');
  await page.screenshot({ path: shotPath('nav-current-history'), clip: { x: 0, y: 0, width: 1280, height: 120 } });
});

test('Back from the full transcript shows the ended call with its debrief, never a dead Start button', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  const sessionId = await practice.startCall(COO, { typeOnly: true });
  await engine.waitForOpenSession();
  await practice.clientDone();
  await practice.type('I own this gap. Maria Lopez owns the recovery plan, checkpoint review on 30 May.');
  await expect(practice.item('assistant')).toHaveCount(2);
  await practice.clientDone();
  await practice.end();
  await expect(page.getByTestId('debrief-difficulty-note')).toContainText('The offline rubric scores Easy, Medium and Hard on the same scale');

  await page.getByTestId('full-transcript-link').click();
  await expect(page).toHaveURL(new RegExp(`/history/${sessionId}$`));
  await expect(page.getByTestId('session-page')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/practice/call/${sessionId}`));
  await expect(page.getByTestId('call-already-ended')).toContainText('This call has ended.');
  await expect(practice.debrief).toBeVisible();
  await expect(page.getByTestId('practice-again-link')).toBeVisible();
  await expect(page.getByTestId('start-call-button')).toHaveCount(0);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await page.screenshot({ path: shotPath('practice-ended-after-back'), fullPage: true });

  // A fresh load of the ended call's page goes to its history page.
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/history/${sessionId}$`));
});
