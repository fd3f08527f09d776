import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { computeDeliveryMetrics } from './metrics';
import { buildRubricDebrief } from './rubric';
import { difficultyScoringNote } from './scoring-note';
import { DIFFICULTIES } from '@/lib/contracts/scenario';

describe('difficulty scoring note', () => {
  it('says the rubric uses one scale, with its real weights, and what the difficulty changes', () => {
    const [scale, client, phrases] = difficultyScoringNote('rubric', 'hard', 'Helen Brandt');
    expect(scale).toBe(
      'The offline rubric scores Easy, Medium and Hard on the same scale: success criteria count 65 %, delivery checks 35 %, and each escalation phrase you said costs a point (at most 2).',
    );
    expect(client).toBe(
      'Difficulty changes the client, not the scale. On Hard, Helen Brandt starts skeptical, interrupts after 2 sentences without a specific, raises up to two objections a turn and escalates at most 5 times a call, with no cooldown. So the same score on Hard was earned under more pressure.',
    );
    expect(phrases).toContain('counts even when the client did not escalate');
    expect(difficultyScoringNote('rubric', 'medium', 'Helen')[1]).toContain('escalates at most twice a call, at least 2 client turns apart');
    expect(difficultyScoringNote('rubric', 'easy', 'Helen')[1]).toContain('starts neutral');
  });

  it('is true to the rubric: the same call scores the same on every difficulty', () => {
    const scenario = defaultScenario();
    const t0 = new Date('2025-01-01T10:00:00Z').getTime();
    const transcript = [
      { speaker: 'client' as const, text: scenario.openingLine, startedAt: new Date(t0), endedAt: new Date(t0 + 6000) },
      { speaker: 'user' as const, text: 'I own this gap. Maria Lopez owns the fix by 14 June, it is not our fault.', startedAt: new Date(t0 + 7000), endedAt: new Date(t0 + 12_000) },
    ];
    const metrics = computeDeliveryMetrics(transcript);
    const scores = DIFFICULTIES.map((difficulty) => buildRubricDebrief({ scenario, difficulty, transcript, tags: [], metrics }).score);
    expect(new Set(scores).size).toBe(1);
  });

  it('for the AI coach, says it calibrates to the difficulty', () => {
    expect(difficultyScoringNote('model', 'easy', 'Helen')[0]).toContain('calibrates the score to the difficulty');
  });
});
