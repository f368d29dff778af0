import { ConnectError, FIELD_CATALOG } from '@plugboard/core';
import { describe, expect, it } from 'vitest';
import { describeError } from '../error-message';
import { defaultMessages } from '../messages';
import { formatPlural } from '../plural';
import { de } from './de';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the German locale', () => {
  it('has every key of the default messages and a label for every catalog field, and no other', () => {
    const labels = Object.values(FIELD_CATALOG).flatMap((spec) => [
      `label.${spec.name}`,
      ...(spec.fields ?? []).map((child) => `label.${spec.name}.${child.name}`),
    ]);
    expect(Object.keys(de).sort()).toEqual([...new Set([...Object.keys(defaultMessages), ...labels])].sort());
  });

  it('keeps each message’s placeholders', () => {
    for (const [key, english] of Object.entries(defaultMessages)) {
      expect(placeholders(de[key as keyof typeof de] ?? ''), key).toEqual(placeholders(english));
    }
  });

  it('translates every message (the few that read the same in German listed)', () => {
    const same = Object.keys(de).filter(
      (key) => de[key as keyof typeof de] === defaultMessages[key as keyof typeof defaultMessages],
    );
    // Examples whose German reads the same: a name, a format, a protocol.
    expect(same).toEqual([
      'errorDetails',
      'formProblem',
      'placeholder.url',
      'placeholder.subdomain',
      'placeholder.shop',
      'placeholder.token_type',
      'placeholder.expired_at',
      'placeholder.expires_at',
      'placeholder.credentials_json',
      'placeholder.private_key',
    ]);
  });

  it('picks German plural forms and fills in the app in the dative', () => {
    expect(formatPlural(de, 'formMissingSummary', 1)).toBe('Füllen Sie vor dem Verbinden 1 Feld aus:');
    expect(formatPlural(de, 'formMissingSummary', 3)).toBe('Füllen Sie vor dem Verbinden 3 Felder aus:');
    expect(formatPlural(de, 'formInvalidSummary', 1)).toBe('Korrigieren Sie vor dem Verbinden 1 Feld:');
    const timeout = new ConnectError('timeout', { message: 'POST /api/v3/… timed out after 300 ms' });
    expect(describeError(timeout, { messages: de })).toBe(
      'Die Verbindung mit dem Dienst hat zu lange gedauert. Versuchen Sie es erneut.',
    );
    expect(describeError(timeout, { messages: de, appName: 'GitHub' })).toMatch(
      /^Die Verbindung mit GitHub hat/,
    );
  });

  it('does not blame the service for a failure of the app’s server or of Composio', () => {
    const down = new ConnectError('http', { message: 'Bad gateway', status: 502 });
    expect(describeError(down, { messages: de, appName: 'Notion' })).toBe(
      'Die Verbindung mit Notion ist gerade nicht möglich. Versuchen Sie es in ein paar Minuten erneut.',
    );
  });
});
