import { describe, expect, it } from 'vitest';
import { settingsIssueText, settingsPathLabel } from './field-labels';

describe('settingsPathLabel', () => {
  it.each([
    ['', 'The file'],
    ['cooldownSeconds', 'Cooldown'],
    ['triggers', 'Trigger phrases'],
    ['triggers.0', 'Trigger phrase 1'],
    ['triggers.1.phrase', 'Trigger phrase 2'],
    ['triggers.2.action', 'Trigger phrase 3, action'],
    ['triggers.0.colour', 'Trigger phrase 1, “colour”'],
    ['doNotTrigger.0', 'Do-not-trigger phrase 1'],
    ['interruptPhrases.4', 'Interrupt phrase 5'],
    ['voice', 'Voice'],
    ['cooldownSecs', '“cooldownSecs”'],
  ])('%j -> %s', (path, label) => {
    expect(settingsPathLabel(path)).toBe(label);
  });
});

describe('settingsIssueText', () => {
  it('keeps a message that already names its field, and prefixes the label otherwise', () => {
    expect(settingsIssueText({ path: 'perCallCap', message: 'Hints per call must be at least 0' })).toBe('Hints per call must be at least 0');
    expect(settingsIssueText({ path: 'triggers.0.phrase', message: 'Use at least 2 characters' })).toBe('Trigger phrase 1: use at least 2 characters');
    expect(settingsIssueText({ path: '', message: 'The file is empty' })).toBe('The file is empty');
  });

  it('marks a field the file did not set', () => {
    expect(settingsIssueText({ path: 'interruptPhrases.0', message: 'Also trigger 1' }, true)).toBe('Interrupt phrase 1 (your current setting): also trigger 1');
  });
});
