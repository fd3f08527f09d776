import { describe, expect, it } from 'vitest';
import { criterionEvidenceIn, findCriterionEvidence, groupMatches, isOwnershipGroup } from './criterion-evidence';

const owns = { signals: ['we own|I own|our responsibility|on us|accountable'], match: 'any' as const };
const plan = { signals: ['@owner', '@date'], match: 'all' as const };

describe('criterion evidence', () => {
  it('treats a group with an ownership phrase as ownership, and credits any way of taking it', () => {
    expect(isOwnershipGroup('we own|I own|on us')).toBe(true);
    expect(isOwnershipGroup('milestone|payment|@number')).toBe(false);
    expect(groupMatches('we own|I own', 'I will own the recovery plan personally')).toBe(true);
    expect(groupMatches('we own|I own', "I'm accountable for the rollout")).toBe(true);
    expect(criterionEvidenceIn(owns, 'I will own the recovery plan personally.')).toBe('I will own the recovery plan personally.');
  });

  it('never credits ownership in an utterance that blames', () => {
    expect(criterionEvidenceIn(owns, 'We own it. But honestly the depots resisted.')).toBeNull();
    expect(criterionEvidenceIn(owns, "It's not on us.")).toBeNull();
    expect(criterionEvidenceIn(owns, 'We are working hard on it.')).toBeNull();
  });

  it('needs every group in one utterance when match is all', () => {
    expect(findCriterionEvidence(plan, ['Sarah will own it.', 'We finish by 30 June.'])).toBeNull();
    expect(findCriterionEvidence(plan, ['Sarah will own it. We finish by 30 June.'])).toBe('Sarah will own it. We finish by 30 June.');
  });
});
