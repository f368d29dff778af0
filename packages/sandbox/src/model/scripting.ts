import type { ControlAction, SandboxControl } from '../control';
import { settle } from './accounts';
import { type ModelContext, requireAccount, requireLink } from './context';
import { completeLink } from './links';

/** Expires open links now (one, or all); with `future`, new links are born expired. */
function expireLinks(ctx: ModelContext, future: boolean | undefined, linkToken: string | undefined): number {
  if (future !== undefined) ctx.script.expireNewLinks = future;
  let expired = 0;
  const at = ctx.now();
  const links = linkToken === undefined ? [...ctx.state.links.values()] : [requireLink(ctx, linkToken)];
  for (const link of links) {
    if (link.completed !== undefined || at >= link.expiresAt) continue;
    link.expiresAt = at;
    const account = ctx.state.accounts.get(link.accountId);
    if (account !== undefined) settle(ctx, account);
    expired += 1;
  }
  ctx.state.changed();
  return expired;
}

/** `sandbox.control`: the scripts over the model. */
export function createControl(ctx: ModelContext): SandboxControl {
  const { script, state } = ctx;
  return {
    setLatency(ms, route) {
      if (!(ms >= 0)) throw new RangeError(`setLatency: ms must be ≥ 0, got ${ms}`);
      if (ms === 0) script.latency.delete(route ?? '*');
      else script.latency.set(route ?? '*', ms);
    },
    failNext(failure) {
      if (!(failure.status >= 400 && failure.status <= 599)) {
        throw new RangeError(`failNext: status must be 400–599, got ${failure.status}`);
      }
      script.failures.push({ ...failure, count: failure.count ?? 1 });
    },
    dropNext(dropOptions = {}) {
      script.drops.push({ count: dropOptions.count ?? 1, route: dropOptions.route });
    },
    denyConsent(on = true) {
      script.denyConsent = on;
    },
    expireLinks(expireOptions = {}) {
      return expireLinks(ctx, expireOptions.future, expireOptions.linkToken);
    },
    setStatusSequence(statuses, sequenceOptions = {}) {
      if (statuses.length === 0) throw new RangeError('setStatusSequence: give at least one status');
      if (sequenceOptions.accountId === undefined) {
        script.nextStatusSequence = [...statuses];
        return;
      }
      requireAccount(ctx, sequenceOptions.accountId).statusSequence = [...statuses];
      state.changed();
    },
    coop(on = true) {
      script.coop = on;
    },
    reset() {
      script.clear();
      state.clear();
    },
    describe() {
      return script.describe();
    },
  };
}

/** One action of `POST /_sandbox/control`, applied. */
export function applyAction(ctx: ModelContext, control: SandboxControl, action: ControlAction): unknown {
  switch (action.action) {
    case 'latency':
      control.setLatency(action.ms, action.route);
      return { ok: true };
    case 'failNext': {
      const { action: _action, ...failure } = action;
      control.failNext(failure);
      return { ok: true };
    }
    case 'dropNext':
      control.dropNext({ count: action.count, route: action.route });
      return { ok: true };
    case 'denyConsent':
      control.denyConsent(action.on ?? true);
      return { ok: true };
    case 'expireLinks':
      return {
        ok: true,
        expired: control.expireLinks({ future: action.future, linkToken: action.linkToken }),
      };
    case 'statusSequence':
      control.setStatusSequence(action.statuses, { accountId: action.accountId });
      return { ok: true };
    case 'completeLink':
      return { ok: true, ...completeLink(ctx, action.linkToken, action.outcome) };
    case 'coop':
      control.coop(action.on ?? true);
      return { ok: true };
    case 'reset':
      control.reset();
      return { ok: true };
  }
}
