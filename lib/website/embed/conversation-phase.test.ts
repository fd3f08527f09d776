import { describe, expect, it } from 'vitest';
import { nextPhase } from './conversation-phase';

describe('conversation phase', () => {
  it('moves forward through opening, discovery, positioning, conversion and close', () => {
    let phase = nextPhase('opening', 'visitor_turn');
    expect(phase).toBe('discovery');
    phase = nextPhase(phase, 'knowledge_answer');
    expect(phase).toBe('positioning');
    phase = nextPhase(phase, 'offer');
    expect(phase).toBe('conversion');
    expect(nextPhase(phase, 'converted')).toBe('close');
  });

  it('never moves back, and may skip a phase', () => {
    expect(nextPhase('conversion', 'visitor_turn')).toBe('conversion');
    expect(nextPhase('close', 'knowledge_answer')).toBe('close');
    expect(nextPhase('opening', 'offer')).toBe('conversion');
  });
});
