import { describe, expect, it } from 'vitest';
import { settledCardStatusOf } from './toolkits';

describe('settledCardStatusOf', () => {
  it('leaves attempts still open out: the card’s button says whether one is pending', () => {
    expect(settledCardStatusOf([{ status: 'INITIATED' }])).toBe('not_connected');
    expect(settledCardStatusOf([{ status: 'INITIATED' }, { status: 'EXPIRED' }])).toBe('expired');
    expect(settledCardStatusOf([{ status: 'INITIALIZING' }, { status: 'ACTIVE' }])).toBe('connected');
    expect(settledCardStatusOf([{ status: 'FAILED' }, { status: 'INITIATED' }])).toBe('failed');
  });
});
