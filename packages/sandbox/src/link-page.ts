import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SandboxAuthConfig } from './fixtures/auth-configs';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A page as text: Hono's `html` tag escapes every interpolated string, and nothing here is async. */
function text(page: Html): string {
  if (page instanceof Promise) throw new Error('link page templates must be synchronous');
  return page.toString();
}

// One small stylesheet, inline (the CSP allows inline styles and nothing else). Colours pass WCAG AA.
const STYLES = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; background: #f4f5f7; color: #1b1f24; }
main { max-width: 28rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
h1 { font-size: 1.35rem; margin: 0 0 0.75rem; }
p { line-height: 1.5; }
.badge { display: inline-block; font-size: 0.75rem; font-weight: 600; color: #5b3300; background: #ffe8c2;
  border-radius: 999px; padding: 0.1rem 0.6rem; margin-bottom: 1rem; }
.field { margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: 0.5rem 0.6rem; border: 1px solid #6b7280;
  border-radius: 6px; }
input[aria-invalid="true"] { border-color: #b42318; }
.hint { font-size: 0.875rem; color: #4b5563; margin: 0.25rem 0 0; }
.error { font-size: 0.875rem; color: #b42318; margin: 0.25rem 0 0; font-weight: 600; }
.summary { border: 1px solid #b42318; background: #fef3f2; color: #7a271a; padding: 0.75rem; border-radius: 6px; }
.actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
button, .button { font: inherit; font-weight: 600; padding: 0.55rem 1.1rem; border-radius: 6px; cursor: pointer;
  border: 1px solid #1d4ed8; text-decoration: none; display: inline-block; }
.primary { background: #1d4ed8; color: #fff; }
.secondary { background: #fff; color: #1d4ed8; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
`;

function layout(title: string, body: Html): string {
  return text(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Plugboard Sandbox</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<main>
<p class="badge">Plugboard Sandbox — a local stand-in, no real account is involved</p>
${body}
</main>
</body>
</html>
`);
}

/** The fake provider consent screen of an OAuth toolkit: Allow or Deny. */
export function consentPage(config: SandboxAuthConfig, token: string, userId: string): string {
  const name = config.toolkit.name;
  return layout(
    `Connect ${name}`,
    html`<h1>Connect ${name}</h1>
<p>An app wants to access your ${name} account as <strong>${userId}</strong>.</p>
<form method="post" action="/link/${encodeURIComponent(token)}">
<div class="actions">
<button type="submit" name="decision" value="allow" class="primary">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</div>
</form>`,
  );
}

export interface FormState {
  /** Non-secret values to show again (secrets are never echoed into the page). */
  values: Record<string, string>;
  /** Field name → message. */
  fieldErrors: Record<string, string>;
}

/** The credential form of an API_KEY / BASIC / BEARER_TOKEN toolkit, with errors tied to fields. */
export function credentialFormPage(config: SandboxAuthConfig, token: string, state: FormState): string {
  const name = config.toolkit.name;
  const erroredNames = config.fields.filter((field) => state.fieldErrors[field.name] !== undefined);
  const summary =
    erroredNames.length === 0
      ? ''
      : html`<div class="summary" role="alert" id="summary"><p>Fix ${erroredNames.length === 1 ? 'this field' : `these ${erroredNames.length} fields`} to connect:</p><ul>${erroredNames.map(
          (field) =>
            html`<li><a href="#f-${field.name}">${field.displayName}: ${state.fieldErrors[field.name] ?? ''}</a></li>`,
        )}</ul></div>`;
  const firstError = erroredNames[0]?.name;
  const inputs = config.fields.map((field) => {
    const id = `f-${field.name}`;
    const error = state.fieldErrors[field.name];
    const describedBy = [`${id}-hint`, ...(error === undefined ? [] : [`${id}-error`])].join(' ');
    const value = field.is_secret ? '' : (state.values[field.name] ?? '');
    // Boolean attributes as raw text: they come from this file, never from input.
    const flags = raw(`${field.required ? ' required aria-required="true"' : ''}`);
    const invalid = raw(
      `${error === undefined ? '' : ' aria-invalid="true"'}${field.name === firstError ? ' autofocus' : ''}`,
    );
    return html`<div class="field">
<label for="${id}">${field.displayName}${field.required ? '' : ' (optional)'}</label>
<input id="${id}" name="${field.name}" type="${field.is_secret ? 'password' : 'text'}"${flags} autocomplete="${field.is_secret ? 'off' : 'on'}" spellcheck="false" value="${value}" aria-describedby="${describedBy}"${invalid}>
<p class="hint" id="${id}-hint">${field.description}</p>
${error === undefined ? '' : html`<p class="error" id="${id}-error">${error}</p>`}
</div>
`;
  });
  return layout(
    `Connect ${name}`,
    html`<h1>Connect ${name}</h1>
<p>Enter your ${name} credentials. The sandbox checks their format and never stores secret values.</p>
${summary}
<form method="post" action="/link/${encodeURIComponent(token)}" novalidate>
${inputs}<div class="actions">
<button type="submit" name="decision" value="allow" class="primary">Connect</button>
<button type="submit" name="decision" value="deny" class="secondary" formnovalidate>Cancel</button>
</div>
</form>`,
  );
}

/** An end page: link expired, unknown, used, or done without a callback. */
export function messagePage(options: {
  title: string;
  message: string;
  link?: { href: string; text: string } | undefined;
}): string {
  const link =
    options.link === undefined
      ? ''
      : html`<p><a class="button primary" href="${options.link.href}">${options.link.text}</a></p>`;
  return layout(
    options.title,
    html`<h1>${options.title}</h1>
<p>${options.message}</p>
${link}`,
  );
}
