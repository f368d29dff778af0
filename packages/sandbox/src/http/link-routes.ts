import { fieldErrorsFromMessages } from '@plugboard/core/internal';
import type { Hono } from 'hono';
import type { LinkOutcome } from '../control';
import { OAUTH_SCHEMES } from '../fixtures/auth-configs';
import { consentPage, credentialFormPage, type FormState, messagePage } from '../link-page';
import { requireAccount } from '../model/context';
import { callbackLocation, finishLink, linkConfig, openLinkProblem } from '../model/links';
import type { LinkRecord } from '../state';
import { type HttpDeps, on, param, type SandboxEnv, scripted } from './context';
import { pageHeaders, readBodyText } from './respond';

/** The hosted link page: `GET /link/{token}` shows it, `POST /link/{token}` is its form. */
export function linkRoutes(app: Hono<SandboxEnv>, deps: HttpDeps): void {
  const model = deps.model;

  /** COOP when the sandbox serves it for every page, or the link's auth config always does. */
  function htmlResponse(status: number, html: string, link?: LinkRecord): Response {
    const config = link === undefined ? undefined : model.configById.get(link.authConfigId);
    const coop = deps.coop() || config?.alwaysCoop === true;
    const formAction = link?.callbackUrl === undefined ? [] : [new URL(link.callbackUrl).origin];
    return new Response(html, { status, headers: pageHeaders({ formAction, coop }) });
  }

  function endPage(link: LinkRecord | undefined, problem: 'expired' | 'completed' | 'unknown'): Response {
    if (link === undefined || problem === 'unknown') {
      const message = 'This connect link is not valid. Go back to the app and start connecting again.';
      return htmlResponse(404, messagePage({ title: 'Link not found', message }));
    }
    if (problem === 'expired') {
      const back = callbackLocation(link, 'failed');
      return htmlResponse(
        410,
        messagePage({
          title: 'This link has expired',
          message: 'Connect links last a few minutes. Go back to the app and start connecting again.',
          link: back === undefined ? undefined : { href: back, text: 'Return to the app' },
        }),
        link,
      );
    }
    const outcome = link.completed?.outcome ?? 'failed';
    const back = callbackLocation(link, outcome);
    const message =
      back === undefined
        ? 'You can close this window.'
        : outcome === 'success'
          ? 'This account is connected.'
          : 'This connection was not completed.';
    return htmlResponse(
      200,
      messagePage({
        title: outcome === 'success' ? 'Connected' : 'Not connected',
        message,
        link: back === undefined ? undefined : { href: back, text: 'Return to the app' },
      }),
      link,
    );
  }

  function finished(result: { location: string | undefined; link: LinkRecord }): Response {
    if (result.location === undefined) return endPage(result.link, 'completed');
    return new Response(null, {
      status: 303,
      headers: { location: result.location, 'cache-control': 'no-store' },
    });
  }

  function show(link: LinkRecord, formState: FormState, status = 200): Response {
    const config = linkConfig(model, link);
    const account = requireAccount(model, link.accountId);
    const html = OAUTH_SCHEMES.has(config.authScheme)
      ? consentPage(config, link.token, account.userId)
      : credentialFormPage(config, link.token, formState);
    return htmlResponse(status, html, link);
  }

  on(app, '/link/:token', {
    GET: scripted(deps, 'linkPage', 'page', (c) => {
      const link = model.state.links.get(param(c, 'token'));
      if (link === undefined) return endPage(undefined, 'unknown');
      const problem = openLinkProblem(model, link);
      if (problem !== undefined) return endPage(link, problem);
      if (model.script.denyConsent) {
        const result = finishLink(model, link, { deny: true });
        if ('location' in result) return finished(result);
      }
      return show(link, { values: link.prefill, fieldErrors: {} });
    }),
    POST: scripted(deps, 'linkSubmit', 'page', async (c) => {
      const form = new URLSearchParams(await readBodyText(c.req.raw));
      const link = model.state.links.get(param(c, 'token'));
      if (link === undefined) return endPage(undefined, 'unknown');
      const problem = openLinkProblem(model, link);
      if (problem !== undefined) return endPage(link, problem);
      const config = linkConfig(model, link);
      let outcome: LinkOutcome;
      if (form.get('decision') === 'deny') outcome = { deny: true };
      else if (OAUTH_SCHEMES.has(config.authScheme)) outcome = { allow: true };
      else {
        const credentials: Record<string, string> = {};
        for (const field of config.fields) credentials[field.name] = form.get(field.name) ?? '';
        outcome = { credentials };
      }
      const result = finishLink(model, link, outcome);
      if ('location' in result) return finished(result);
      const values: Record<string, string> = {};
      for (const field of config.fields)
        if (!field.is_secret) values[field.name] = form.get(field.name) ?? '';
      const byField = fieldErrorsFromMessages(
        result.errors,
        config.fields.map((field) => field.name),
      );
      const fieldErrors: Record<string, string> = {};
      for (const [name, [first]] of Object.entries(byField))
        if (first !== undefined) fieldErrors[name] = first;
      return show(link, { values, fieldErrors }, 422);
    }),
  });
}
