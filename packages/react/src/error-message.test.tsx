import { ConnectError, type ConnectErrorKind } from '@plugboard/core';
import { createSandbox } from '@plugboard/sandbox';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectAccountButton } from './ConnectAccountButton';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { describeError, developerHint, reportMisconfiguration } from './error-message';
import { defaultSharedMessages } from './messages-shared';

afterEach(() => {
  vi.restoreAllMocks();
});

const error = (kind: ConnectErrorKind, init: Partial<ConstructorParameters<typeof ConnectError>[1]> = {}) =>
  new ConnectError(kind, { message: 'POST /api/v3/connected_accounts/link timed out after 300 ms', ...init });
const say = (e: ConnectError, appName?: string) =>
  describeError(e, { messages: defaultSharedMessages, appName });

describe('describeError: one plain sentence from kind, status and slug', () => {
  it.each([
    [error('timeout'), 'Connecting to GitHub took too long. Try again.'],
    [error('network'), "Couldn't connect to GitHub. Check your internet connection and try again."],
    [
      error('connection_failed', { message: 'The user denied access on the GitHub consent screen' }),
      'You declined access on GitHub. Connect again to allow it.',
    ],
    [
      error('connection_failed', { message: 'Access was revoked.' }),
      'Access to GitHub was removed. Connect again to restore it.',
    ],
    [error('expired'), 'That link expired. Start again.'],
    [
      error('popup_blocked'),
      'Your browser blocked the window for GitHub. Allow pop-ups for this site and try again.',
    ],
    [error('http', { status: 429 }), 'Too many attempts. Wait a minute, then try again.'],
    [error('http', { status: 502 }), "Couldn't connect to GitHub right now. Try again in a few minutes."],
    [
      error('http', { status: 504, slug: 'Proxy_UpstreamTimeout' }),
      'Connecting to GitHub took too long. Try again.',
    ],
    [
      error('http', { status: 401, slug: 'Proxy_Unauthorized' }),
      'Sign in to this app, then connect GitHub again.',
    ],
    [
      error('http', { status: 403, slug: 'Proxy_CrossSiteRequest' }),
      "This app can't connect to GitHub right now. Please try again later.",
    ],
    [
      error('http', { status: 403, slug: 'Proxy_CallbackOriginNotAllowed' }),
      "This app can't connect to GitHub right now. Please try again later.",
    ],
    [
      error('http', { status: 403, slug: 'Proxy_AuthConfigNotAllowed' }),
      "This app can't connect to GitHub right now. Please try again later.",
    ],
    [
      error('http', { status: 401, slug: 'Auth_InvalidApiKey' }),
      "This app can't connect to GitHub right now. Please try again later.",
    ],
  ])('%#: %s', (given, expected) => {
    expect(say(given, 'GitHub')).toBe(expected);
  });

  it('never blames the service for a failure of the app’s server, Composio or the network', () => {
    // None of these says anything about GitHub itself: the kit cannot know GitHub failed.
    const failures = [
      error('timeout'),
      error('network'),
      error('invalid_response'),
      error('http', { status: 500 }),
      error('http', { status: 503 }),
      error('http', { status: 504 }),
      error('http', { status: 502, slug: 'Proxy_UpstreamUnreachable' }),
      error('http', { status: 504, slug: 'Proxy_UpstreamTimeout' }),
      error('http', { status: 502, slug: 'Proxy_UpstreamInvalidResponse' }),
      error('http', { status: 500, slug: 'Proxy_InternalError' }),
    ];
    for (const failure of failures) {
      const text = say(failure, 'GitHub');
      expect(text).not.toMatch(/^GitHub\b|trouble|didn't respond|reach GitHub/);
      expect(text).toMatch(/^(Couldn't connect to GitHub|Connecting to GitHub took too long)/);
    }
    // The app's server could not reach Composio: the user's own internet connection is not the cause.
    expect(say(error('http', { status: 502, slug: 'Proxy_UpstreamUnreachable' }), 'GitHub')).toBe(
      "Couldn't connect to GitHub right now. Try again in a few minutes.",
    );
  });

  it('never shows the API text, a method, a path or a status', () => {
    const kinds: ConnectErrorKind[] = [
      'http',
      'network',
      'timeout',
      'aborted',
      'invalid_response',
      'invalid_request',
      'popup_blocked',
      'popup_closed',
      'connection_failed',
      'expired',
    ];
    for (const kind of kinds)
      for (const status of [undefined, 400, 401, 403, 404, 409, 422, 429, 500, 503]) {
        const text = say(error(kind, { status }));
        expect(text).not.toMatch(/POST|GET|\/api\/|\b[45]\d\d\b|the user/);
        expect(text).toMatch(/\.$/);
      }
  });

  it('names “the service”, capitalised, when no app name is known', () => {
    expect(say(error('timeout'))).toBe('Connecting to the service took too long. Try again.');
  });

  it("takes an app's per-slug wording over its own, with {app} filled in", () => {
    const limited = error('http', { status: 400, slug: 'ConnectedAccount_Limit' });
    expect(
      describeError(limited, {
        messages: defaultSharedMessages,
        appName: 'Slack',
        errorMessages: { ConnectedAccount_Limit: 'You can connect one {app} account on this plan.' },
      }),
    ).toBe('You can connect one Slack account on this plan.');
  });

  it('tells the developer what to change, once per error, and only for a misconfiguration', () => {
    const lines: string[] = [];
    const refused = error('http', { status: 403, slug: 'Proxy_CrossSiteRequest', requestId: 'pb_1' });
    reportMisconfiguration(refused, (line) => lines.push(line));
    reportMisconfiguration(refused, (line) => lines.push(line));
    reportMisconfiguration(error('timeout'), (line) => lines.push(line));
    expect(lines).toEqual([expect.stringMatching(/Proxy_CrossSiteRequest: .*`allowedOrigins`.*pb_1/)]);
    expect(developerHint(error('http', { status: 401, slug: 'Auth_InvalidApiKey' }))).toMatch(/apiKey/);
    expect(developerHint(error('http', { status: 500 }))).toBeUndefined();
  });
});

describe('<ConnectAccountButton> after a failure', () => {
  function setup(errorMessages?: Record<string, string>) {
    const sandbox = createSandbox();
    render(
      <ConnectProvider
        backend={sandbox.backend}
        queryClient={createConnectQueryClient()}
        errorMessages={errorMessages}
      >
        <ConnectAccountButton
          authConfigId="ac_github"
          appName="GitHub"
          mode="popup"
          environment={{ openPopup: () => ({ closed: false, navigate: () => {}, close: () => {} }) }}
        >
          Connect GitHub
        </ConnectAccountButton>
      </ConnectProvider>,
    );
    return { sandbox, user: userEvent.setup() };
  }

  it('reads a misconfiguration as the user’s sentence, with the detail behind “Details” and a console line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { sandbox, user } = setup();
    sandbox.control.failNext({
      route: 'createLinkSession',
      status: 403,
      slug: 'Proxy_CrossSiteRequest',
      message: 'Cross-site requests are refused',
    });
    await user.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(status.textContent).toBe("This app can't connect to GitHub right now. Please try again later."),
    );
    // One action: the connect button itself; no second "Try again" beside it.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Connect GitHub']);
    expect(screen.getByText('Details').tagName).toBe('SUMMARY');
    expect(document.body.textContent).not.toMatch('Cross-site');
    await user.click(screen.getByText('Details'));
    const details = screen.getByText('Details').parentElement as HTMLElement;
    expect(details.textContent).toMatch('Cross-site requests are refused');
    expect(within(details).getByText(/^req_|^pb_/).tagName).toBe('CODE');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/allowedOrigins/);
  });

  it("uses the provider's per-slug sentence", async () => {
    const { sandbox, user } = setup({ Plan_Limit: 'Your plan allows one {app} account.' });
    sandbox.control.failNext({
      route: 'createLinkSession',
      status: 400,
      slug: 'Plan_Limit',
      message: 'limit',
    });
    await user.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Your plan allows one GitHub account.'),
    );
  });
});
