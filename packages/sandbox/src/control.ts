import { CONNECTION_STATUSES, type ConnectionStatus } from '@plugboard/core';
import { errors } from './envelope';

/** Names of the sandbox's routes, for scripting one of them. */
export const SANDBOX_ROUTES = [
  'createLinkSession',
  'createConnectedAccount',
  'getConnectedAccount',
  'listConnectedAccounts',
  'deleteConnectedAccount',
  'setConnectedAccountEnabled',
  'listAuthConfigs',
  'getAuthConfig',
  'getToolkit',
  'linkPage',
  'linkSubmit',
] as const;
export type SandboxRoute = (typeof SANDBOX_ROUTES)[number];

/**
 * A scripted error answer. Without `route` it hits the next API request of any route; with a list
 * of routes, the next request of any of them (the demo's "fail the next action", not a background read).
 */
export interface ScriptedFailure {
  status: number;
  /** How many requests fail; default 1. */
  count?: number | undefined;
  route?: SandboxRoute | readonly SandboxRoute[] | undefined;
  message?: string | undefined;
  code?: number | undefined;
  slug?: string | undefined;
  errors?: string[] | undefined;
  suggested_fix?: string | undefined;
}

export type LinkOutcome = { allow: true } | { deny: true } | { credentials: Record<string, string> };

/** Scripted outcomes of a sandbox; `reset()` between test cases. */
export interface SandboxControl {
  /** Delays every answer of `route` (all routes when omitted) by `ms`; `0` removes it. */
  setLatency(ms: number, route?: SandboxRoute): void;
  /** Answers the next `count` matching requests with this status and envelope. */
  failNext(failure: ScriptedFailure): void;
  /** Breaks the next `count` matching responses halfway: the Node server destroys the socket, in-process the body errors. */
  dropNext(options?: { count?: number | undefined; route?: SandboxRoute | undefined }): void;
  /** While on, every consent is denied: opening a link page fails it at once. */
  denyConsent(on?: boolean): void;
  /**
   * Expires open links now (their accounts go EXPIRED): one with `linkToken`, else all. With
   * `future`, new links are born expired (until `future: false` or `reset()`). Returns how many expired.
   */
  expireLinks(options?: { future?: boolean | undefined; linkToken?: string | undefined }): number;
  /** The statuses that successive GETs of an account return (the last one sticks); without `accountId`, for the next created account. */
  setStatusSequence(statuses: ConnectionStatus[], options?: { accountId?: string | undefined }): void;
  /**
   * Serves every hosted page (link page, consent page) with `Cross-Origin-Opener-Policy:
   * same-origin` while on, as providers that sever the popup's opener do. `reset()` restores the
   * `coop` option's value.
   */
  coop(on?: boolean): void;
  /** Clears every script and all accounts and links. */
  reset(): void;
  /** The scripts in force, for debugging (`GET /_sandbox/control`). */
  describe(): ControlSnapshot;
}

export interface ControlSnapshot {
  latency: Record<string, number>;
  failures: ScriptedFailure[];
  drops: { count: number; route?: SandboxRoute | undefined }[];
  denyConsent: boolean;
  expireNewLinks: boolean;
  nextStatusSequence: ConnectionStatus[] | null;
  coop: boolean;
}

/** The scripting data a sandbox consults on every request. */
export class Script {
  latency = new Map<SandboxRoute | '*', number>();
  failures: (ScriptedFailure & { count: number })[] = [];
  drops: { count: number; route?: SandboxRoute | undefined }[] = [];
  denyConsent = false;
  expireNewLinks = false;
  nextStatusSequence: ConnectionStatus[] | null = null;
  coop: boolean;
  private readonly coopDefault: boolean;

  constructor(options: { coop?: boolean | undefined } = {}) {
    this.coopDefault = options.coop ?? false;
    this.coop = this.coopDefault;
  }

  latencyFor(route: SandboxRoute): number {
    return this.latency.get(route) ?? this.latency.get('*') ?? 0;
  }

  takeFailure(route: SandboxRoute): ScriptedFailure | undefined {
    return this.take(this.failures, route);
  }

  takeDrop(route: SandboxRoute): boolean {
    return this.take(this.drops, route) !== undefined;
  }

  /** Uses up one count of the first script that matches `route`; at zero it is gone. */
  private take<T extends { count: number; route?: SandboxRoute | readonly SandboxRoute[] | undefined }>(
    scripts: T[],
    route: SandboxRoute,
  ): T | undefined {
    const found = scripts.find((entry) => matches(entry.route, route));
    if (found === undefined) return undefined;
    found.count -= 1;
    if (found.count <= 0) scripts.splice(scripts.indexOf(found), 1);
    return found;
  }

  clear(): void {
    this.latency.clear();
    this.failures = [];
    this.drops = [];
    this.denyConsent = false;
    this.expireNewLinks = false;
    this.nextStatusSequence = null;
    this.coop = this.coopDefault;
  }

  describe(): ControlSnapshot {
    return {
      latency: Object.fromEntries(this.latency),
      failures: this.failures.map((failure) => ({ ...failure })),
      drops: this.drops.map((drop) => ({ ...drop })),
      denyConsent: this.denyConsent,
      expireNewLinks: this.expireNewLinks,
      nextStatusSequence: this.nextStatusSequence,
      coop: this.coop,
    };
  }
}

/** Route-less scripts hit API routes only, so a stray failure never breaks the hosted page. */
function matches(scripted: SandboxRoute | readonly SandboxRoute[] | undefined, route: SandboxRoute): boolean {
  if (scripted === undefined) return route !== 'linkPage' && route !== 'linkSubmit';
  return typeof scripted === 'string' ? scripted === route : scripted.includes(route);
}

// ── The HTTP control route's actions ───────────────────────────────────────────────────

/** What `POST /_sandbox/control` accepts: one action object or an array of them. */
export type ControlAction =
  | { action: 'latency'; ms: number; route?: SandboxRoute }
  | ({ action: 'failNext' } & ScriptedFailure)
  | { action: 'dropNext'; count?: number; route?: SandboxRoute }
  | { action: 'denyConsent'; on?: boolean }
  | { action: 'expireLinks'; future?: boolean; linkToken?: string }
  | { action: 'statusSequence'; statuses: ConnectionStatus[]; accountId?: string }
  | { action: 'completeLink'; linkToken: string; outcome: LinkOutcome }
  | { action: 'coop'; on?: boolean }
  | { action: 'reset' };

type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw errors.badRequest([`${path}: ${message}`], 'The control action is invalid');
}

function optionalRoute(value: unknown, path: string): SandboxRoute | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (SANDBOX_ROUTES as readonly string[]).includes(value)) {
    return value as SandboxRoute;
  }
  return fail(path, `must be one of ${SANDBOX_ROUTES.join(', ')}`);
}

function optionalCount(value: unknown, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10_000) return value;
  return fail(path, 'must be an integer from 1 to 10000');
}

function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  return fail(path, 'must be a boolean');
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return fail(path, 'must be a string');
}

/** Parses one control action by hand (the sandbox has no schema library of its own). */
export function parseControlAction(input: unknown, path = 'body'): ControlAction {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail(path, 'must be an object');
  const body = input as Json;
  switch (body.action) {
    case 'latency': {
      const ms = body.ms;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 120_000) {
        fail(`${path}.ms`, 'must be a number of milliseconds from 0 to 120000');
      }
      const route = optionalRoute(body.route, `${path}.route`);
      return { action: 'latency', ms, ...(route && { route }) };
    }
    case 'failNext': {
      const status = body.status;
      if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
        fail(`${path}.status`, 'must be an HTTP error status from 400 to 599');
      }
      const code = body.code;
      if (code !== undefined && typeof code !== 'number') fail(`${path}.code`, 'must be a number');
      const list = body.errors;
      if (list !== undefined && !(Array.isArray(list) && list.every((item) => typeof item === 'string'))) {
        fail(`${path}.errors`, 'must be an array of strings');
      }
      return {
        action: 'failNext',
        status,
        count: optionalCount(body.count, `${path}.count`),
        route: optionalRoute(body.route, `${path}.route`),
        message: optionalString(body.message, `${path}.message`),
        code: code as number | undefined,
        slug: optionalString(body.slug, `${path}.slug`),
        errors: list as string[] | undefined,
        suggested_fix: optionalString(body.suggested_fix, `${path}.suggested_fix`),
      };
    }
    case 'dropNext':
      return {
        action: 'dropNext',
        ...pick({
          count: optionalCount(body.count, `${path}.count`),
          route: optionalRoute(body.route, `${path}.route`),
        }),
      };
    case 'denyConsent':
      return { action: 'denyConsent', ...pick({ on: optionalBoolean(body.on, `${path}.on`) }) };
    case 'expireLinks':
      return {
        action: 'expireLinks',
        ...pick({
          future: optionalBoolean(body.future, `${path}.future`),
          linkToken: optionalString(body.linkToken, `${path}.linkToken`),
        }),
      };
    case 'statusSequence': {
      const statuses = body.statuses;
      if (
        !Array.isArray(statuses) ||
        statuses.length === 0 ||
        !statuses.every((item) => (CONNECTION_STATUSES as readonly unknown[]).includes(item))
      ) {
        fail(`${path}.statuses`, `must be a non-empty array of ${CONNECTION_STATUSES.join(', ')}`);
      }
      const accountId = optionalString(body.accountId, `${path}.accountId`);
      return { action: 'statusSequence', statuses: statuses as ConnectionStatus[], ...pick({ accountId }) };
    }
    case 'completeLink': {
      const linkToken = body.linkToken;
      if (typeof linkToken !== 'string' || linkToken === '')
        fail(`${path}.linkToken`, 'must be a link token');
      return { action: 'completeLink', linkToken, outcome: parseOutcome(body.outcome, `${path}.outcome`) };
    }
    case 'coop':
      return { action: 'coop', ...pick({ on: optionalBoolean(body.on, `${path}.on`) }) };
    case 'reset':
      return { action: 'reset' };
    default:
      return fail(
        `${path}.action`,
        'must be one of latency, failNext, dropNext, denyConsent, expireLinks, statusSequence, completeLink, coop, reset',
      );
  }
}

function parseOutcome(value: unknown, path: string): LinkOutcome {
  if (typeof value === 'object' && value !== null) {
    const outcome = value as Json;
    if (outcome.allow === true) return { allow: true };
    if (outcome.deny === true) return { deny: true };
    const credentials = outcome.credentials;
    if (
      typeof credentials === 'object' &&
      credentials !== null &&
      Object.values(credentials).every((item) => typeof item === 'string')
    ) {
      return { credentials: credentials as Record<string, string> };
    }
  }
  return fail(path, 'must be {"allow":true}, {"deny":true} or {"credentials":{…}}');
}

/** Drops `undefined` members, for `exactOptionalPropertyTypes`-style clean objects. */
function pick<T extends Record<string, unknown>>(object: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
