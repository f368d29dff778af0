import { describe, expect, it } from 'vitest';
import { formatMessage } from './format-message';

describe('formatMessage', () => {
  it('fills known placeholders only', () => {
    expect(formatMessage('{label} at {line} {other}', { label: 'A', line: 3 })).toBe('A at 3 {other}');
  });

  it('fills a placeholder each time it appears, and leaves braces that name nothing', () => {
    expect(formatMessage('{app}: {app} {} {not-a-name}', { app: 'GitHub' })).toBe(
      'GitHub: GitHub {} {not-a-name}',
    );
  });
});
