// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { accountOutcome } from './connect-flow-outcome';
import {
  authConfigExample,
  connectedAccountExample,
  connectedAccountListExample,
  createConnectedAccountRequestExample,
  createConnectedAccountRequestExampleAsDocumented,
  createConnectedAccountResponseExample,
  errorEnvelopeExample,
  errorExamples,
  expiredConnectedAccountExample,
  linkSessionRequestExample,
  linkSessionResponseExample,
  toolkitExample,
  toolkitFieldExample,
} from './fixtures/api-examples';
import {
  authConfigSchema,
  CONNECTION_DATA_KEYS,
  connectedAccountListSchema,
  connectedAccountSchema,
  createConnectedAccountRequestSchema,
  createConnectedAccountResponseSchema,
  errorEnvelopeSchema,
  fieldsOf,
  linkSessionRequestSchema,
  linkSessionResponseSchema,
  toolkitFieldSchema,
  toolkitSchema,
} from './wire';

describe('every example of the API documents parses', () => {
  it.each<[string, z.ZodMiniType, unknown]>([
    ['link session request', linkSessionRequestSchema, linkSessionRequestExample],
    ['link session 201', linkSessionResponseSchema, linkSessionResponseExample],
    [
      'connected account request (filled in)',
      createConnectedAccountRequestSchema,
      createConnectedAccountRequestExample,
    ],
    ['connected account 201', createConnectedAccountResponseSchema, createConnectedAccountResponseExample],
    ['GET connected account', connectedAccountSchema, connectedAccountExample],
    ['GET expired connected account', connectedAccountSchema, expiredConnectedAccountExample],
    ['connected account list', connectedAccountListSchema, connectedAccountListExample],
    ['auth config', authConfigSchema, authConfigExample],
    ['toolkit', toolkitSchema, toolkitExample],
    ['toolkit field', toolkitFieldSchema, toolkitFieldExample],
    ['error envelope', errorEnvelopeSchema, errorEnvelopeExample],
    ...Object.entries(errorExamples).map(([name, example]): [string, z.ZodMiniType, unknown] => [
      `error ${example.status} ${name}`,
      errorEnvelopeSchema,
      example.body,
    ]),
  ])('%s', (_name, schema, example) => {
    const result = schema.safeParse(example);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('the link session example carries every connection_data key, and the schema keeps each', () => {
    const data = linkSessionRequestExample.connection_data;
    expect(Object.keys(data).sort()).toEqual([...CONNECTION_DATA_KEYS].sort());
    const parsed = linkSessionRequestSchema.parse(linkSessionRequestExample);
    expect(parsed.connection_data).toEqual(data);
  });

  it('the documented connected account request is rejected at its placeholder status, and only there', () => {
    const result = createConnectedAccountRequestSchema.safeParse(
      createConnectedAccountRequestExampleAsDocumented,
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'connection.state.val.status',
    ]);
  });

  it('the GET example as the notes write it (status as a list of values) reads, and is not a connection', () => {
    const status = 'INITIALIZING | INITIATED | ACTIVE | FAILED | EXPIRED | INACTIVE';
    const account = connectedAccountSchema.parse({ ...connectedAccountExample, status });
    expect(account.status).toBe(status);
    expect(accountOutcome(account)).toMatchObject({ status: 'failed', rawStatus: status });
  });

  it('a toolkit mode without field groups has no fields to fill', () => {
    const toolkit = toolkitSchema.parse(toolkitExample);
    const noAuth = toolkit.auth_config_details?.find((details) => details.mode === 'NO_AUTH');
    expect(noAuth).toBeDefined();
    expect(fieldsOf(noAuth?.fields?.connected_account_initiation)).toEqual([]);
    expect(fieldsOf({ required: [] })).toEqual([]);
  });
});
