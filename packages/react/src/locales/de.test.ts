import { ConnectError } from '@plugboard/core';
import { describe, expect, it } from 'vitest';
import { describeError } from '../error-message';
import { defaultMessages } from '../messages';
import { formatPlural } from '../plural';
import { de } from './de';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the German locale', () => {
  it('has every key of the default messages, and no other', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(defaultMessages).sort());
  });

  it('keeps each message’s placeholders', () => {
    for (const [key, english] of Object.entries(defaultMessages)) {
      expect(placeholders(de[key as keyof typeof de]), key).toEqual(placeholders(english));
    }
  });

  it('translates every message (the few that read the same in German listed)', () => {
    const same = Object.keys(de).filter(
      (key) => de[key as keyof typeof de] === defaultMessages[key as keyof typeof defaultMessages],
    );
    expect(same).toEqual(['errorDetails', 'formProblem']);
  });

  it('picks German plural forms and fills in the app in the dative', () => {
    expect(formatPlural(de, 'formInvalidSummary', 1)).toBe('Füllen Sie vor dem Verbinden 1 Feld aus:');
    expect(formatPlural(de, 'formInvalidSummary', 3)).toBe('Füllen Sie vor dem Verbinden 3 Felder aus:');
    const timeout = new ConnectError('timeout', { message: 'POST /api/v3/… timed out after 300 ms' });
    expect(describeError(timeout, { messages: de })).toBe(
      'Von dem Dienst kam nicht rechtzeitig eine Antwort. Versuchen Sie es erneut.',
    );
    expect(describeError(timeout, { messages: de, appName: 'GitHub' })).toMatch(/^Von GitHub kam/);
  });
});
