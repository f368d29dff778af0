// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConnectError, isConnectError } from './connect-error';
import { connectErrorFromEnvelope, fieldErrorsFromMessages } from './envelope-error';
import { errorExamples } from './fixtures/api-examples';
import { REDACTED, redactSecrets } from './redact';
import { errorEnvelopeSchema } from './wire';

describe('connectErrorFromEnvelope', () => {
  it.each(Object.entries(errorExamples))('%s keeps every field of the envelope', (_name, example) => {
    const envelope = errorEnvelopeSchema.parse(example.body).error;
    const error = connectErrorFromEnvelope(envelope);
    expect(isConnectError(error)).toBe(true);
    expect(error.toJSON()).toMatchObject({
      name: 'ConnectError',
      kind: 'http',
      message: envelope.message,
      status: example.status,
      slug: envelope.slug,
      code: envelope.code,
      requestId: envelope.request_id,
      suggestedFix: envelope.suggested_fix,
      errors: envelope.errors ?? [],
    });
  });

  it('the HTTP status wins over the envelope’s own', () => {
    const envelope = errorEnvelopeSchema.parse(errorExamples.internal.body).error;
    expect(connectErrorFromEnvelope(envelope, { status: 502 }).status).toBe(502);
  });

  it('redacts message, suggested fix and errors', () => {
    const error = connectErrorFromEnvelope(
      {
        message: 'key sk_1 bad',
        code: 1,
        slug: 's',
        status: 400,
        suggested_fix: 'rotate sk_1',
        errors: ['api_key: sk_1'],
      },
      { redact: ['sk_1'], knownFields: ['api_key'] },
    );
    expect(JSON.stringify(error)).not.toContain('sk_1');
    expect(error.fieldErrors).toEqual({ api_key: [REDACTED] });
  });
});

describe('ConnectError', () => {
  it('carries and lists only its own fields, whatever else its init held', () => {
    const init = { message: 'm', status: 500, slug: 's', headers: { authorization: 'Bearer sk_1' } };
    const error = new ConnectError('http', init);
    expect(Object.keys(error.toJSON()).sort()).toEqual(
      [
        'code',
        'errors',
        'fieldErrors',
        'kind',
        'message',
        'name',
        'path',
        'requestId',
        'slug',
        'status',
        'suggestedFix',
      ].sort(),
    );
    expect(error.toJSON()).toMatchObject({ name: 'ConnectError', kind: 'http', message: 'm', status: 500 });
    expect(JSON.stringify(error)).not.toContain('sk_1');
    expect(Object.hasOwn(error, 'headers')).toBe(false);
  });
});

describe('fieldErrorsFromMessages', () => {
  const known = ['subdomain', 'api_key', 'your-domain', 'email'];
  it.each([
    [['Missing required fields: subdomain, api_key'], { subdomain: ['Required'], api_key: ['Required'] }],
    [['Missing required field: `email`.'], { email: ['Required'] }],
    [['subdomain: Use only letters'], { subdomain: ['Use only letters'] }],
    [['connection.state.val.api_key: Required'], { api_key: ['Required'] }],
    [
      ['The your-domain value is not reachable'],
      { 'your-domain': ['The your-domain value is not reachable'] },
    ],
    [['Error: something broke'], {}],
    [['domain: bad'], {}],
    [['The api_keys list is empty', 'my-subdomain-x failed'], {}],
    [['subdomain: a', 'subdomain: a', 'subdomain: b'], { subdomain: ['a', 'b'] }],
  ])('%j', (errors, expected) => {
    expect(fieldErrorsFromMessages(errors, known)).toEqual(expected);
  });
});

describe('redactSecrets', () => {
  it('removes a secret in every form, longest first', () => {
    const secrets = ['ab', 'ab c/d"\n'];
    const text = `x ab c/d"\n y ${encodeURIComponent('ab c/d"\n')} z ${JSON.stringify('ab c/d"\n')} ab`;
    const out = redactSecrets(text, secrets);
    expect(out).not.toContain('ab');
    expect(out).toBe(`x ${REDACTED} y ${REDACTED} z "${REDACTED}" ${REDACTED}`);
  });

  it('leaves text alone without secrets, and ignores empty ones', () => {
    expect(redactSecrets('hello', [])).toBe('hello');
    expect(redactSecrets('hello', [''])).toBe('hello');
  });
});
