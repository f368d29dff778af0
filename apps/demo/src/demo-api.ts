import { ConnectError, connectErrorFromEnvelope } from '@plugboard/core';
import { authConfigListSchema, errorEnvelopeSchema } from '@plugboard/core/internal';
import { z } from 'zod';
import type { DemoAuthConfig } from './toolkits';

/**
 * The demo's own routes, beside the kit's `/api/connect` (which lists, disconnects and disables
 * the user's accounts): the toolkits to show, and the sandbox panel's scripts.
 */
export const DEMO_API = {
  authConfigs: '/api/demo/auth-configs',
  sandbox: '/api/demo/sandbox',
} as const;

const sandboxScriptsSchema = z.object({
  latency: z.record(z.string(), z.number()),
  failures: z.array(z.unknown()),
  denyConsent: z.boolean(),
  expireNewLinks: z.boolean(),
  /** After "Expire my connections": how many ACTIVE accounts went EXPIRED. */
  expired: z.number().int().nonnegative().optional(),
});
export type SandboxScripts = z.infer<typeof sandboxScriptsSchema>;

/** What the sandbox panel may ask for; the demo server refuses anything else. */
export type SandboxPanelAction =
  | { action: 'slowCreate'; on: boolean }
  | { action: 'denyConsent'; on: boolean }
  | { action: 'failNext' }
  | { action: 'expireLinks'; on: boolean }
  | { action: 'expireAccounts' }
  | { action: 'reset' };

async function readJson(response: Response, path: string): Promise<unknown> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ConnectError('invalid_response', { message: `${path} did not answer with JSON`, path });
  }
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body);
    if (envelope.success) throw connectErrorFromEnvelope(envelope.data.error, { status: response.status });
    throw new ConnectError('http', {
      message: `${path} answered ${response.status}`,
      status: response.status,
    });
  }
  return body;
}

async function request(path: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
  } catch (cause) {
    if (init.signal?.aborted)
      throw new ConnectError('aborted', { message: 'The request was cancelled', cause });
    throw new ConnectError('network', { message: `Could not reach ${path}`, cause });
  }
  return readJson(response, path);
}

// Core's wire schemas are zod/mini, the demo's own are classic: both are zod core schemas.
function parse<T>(schema: z.core.$ZodType<T>, body: unknown, path: string): T {
  const result = z.safeParse(schema, body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  throw new ConnectError('invalid_response', {
    message: `${path} answered an unexpected shape`,
    path: where,
  });
}

export async function fetchAuthConfigs(signal?: AbortSignal): Promise<DemoAuthConfig[]> {
  const body = await request(DEMO_API.authConfigs, { signal });
  return parse(authConfigListSchema, body, DEMO_API.authConfigs).items;
}

export async function fetchSandboxScripts(signal?: AbortSignal): Promise<SandboxScripts> {
  const body = await request(DEMO_API.sandbox, { signal });
  return parse(sandboxScriptsSchema, body, DEMO_API.sandbox);
}

export async function sendSandboxAction(action: SandboxPanelAction): Promise<SandboxScripts> {
  const body = await request(DEMO_API.sandbox, { method: 'POST', body: JSON.stringify(action) });
  return parse(sandboxScriptsSchema, body, DEMO_API.sandbox);
}
