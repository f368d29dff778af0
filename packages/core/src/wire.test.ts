import { describe, expect, it } from 'vitest';
import { errorEnvelopeSchema, linkSessionResponseSchema } from './wire';

describe('wire schemas', () => {
  it('parses the link session 201 example', () => {
    const body = {
      link_token: 'lt',
      redirect_url: 'https://x',
      expires_at: '2026-01-01T00:00:00Z',
      connected_account_id: 'ca_1',
    };
    expect(linkSessionResponseSchema.parse(body)).toEqual(body);
  });
  it('rejects an envelope without a slug', () => {
    expect(errorEnvelopeSchema.safeParse({ error: { message: 'm', code: 1, status: 400 } }).success).toBe(
      false,
    );
  });
});
