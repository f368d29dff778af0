import {
  type ConnectBackend,
  type ConnectEnvironment,
  callbackMessageFor,
  createHttpBackend,
} from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ApiKeyConnectForm } from './ApiKeyConnectForm';
import { ConnectAccountButton } from './ConnectAccountButton';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { useStoryMessages } from './story-locale';
import { typeZendesk } from './story-zendesk';
import './styles.css';

// What the kit shows when Composio answers with something it did not know when the kit was
// written (issue 14, "Reading Composio too strictly"): each a sensible state, never a parse error.
// The in-process sandbox plays Composio; where it cannot say the new thing itself, its answer is
// rewritten on the way, as a newer Composio would send it.

type Body = Record<string, unknown>;

/** Core's HTTP backend over the sandbox, with each JSON answer passed through `rewrite` first. */
function rewritingBackend(sandbox: Sandbox, rewrite: (path: string, body: Body) => void): ConnectBackend {
  return createHttpBackend({
    baseUrl: sandbox.publicUrl,
    headers: { 'x-api-key': sandbox.apiKey },
    fetch: async (input, init) => {
      const response = await sandbox.handle(new Request(input, init));
      if (!response.headers.get('content-type')?.includes('json')) return response;
      const body = (await response.json()) as Body;
      rewrite(new URL(input).pathname, body);
      const headers = new Headers({ 'content-type': 'application/json' });
      const requestId = response.headers.get('x-request-id');
      if (requestId !== null) headers.set('x-request-id', requestId);
      return new Response(JSON.stringify(body), { status: response.status, headers });
    },
  });
}

/**
 * A popup whose user allows at once: the sandbox completes the link and the callback page's
 * message comes back, as the hosted page and the callback page would send it.
 */
function allowingPopup(sandbox: Sandbox): Partial<ConnectEnvironment> {
  return {
    openPopup: () => {
      let closed = false;
      return {
        get closed() {
          return closed;
        },
        navigate: (url: string) => {
          const token = new URL(url).pathname.split('/').pop() ?? '';
          void sandbox.completeLink(token, { allow: true }).then(({ location }) => {
            const message = callbackMessageFor(new URL(location, window.location.origin));
            window.postMessage(message, window.location.origin);
            closed = true;
          });
        },
        close: () => {
          closed = true;
        },
      };
    },
  };
}

interface Setup {
  script?: (sandbox: Sandbox) => void;
  backendOf?: (sandbox: Sandbox) => ConnectBackend;
  children: (sandbox: Sandbox) => ReactNode;
}

function WithSandbox({ script, backendOf = (sandbox) => sandbox.backend, children }: Setup) {
  const messages = useStoryMessages();
  const [value] = useState(() => {
    const sandbox = createSandbox();
    script?.(sandbox);
    const backend = backendOf(sandbox);
    // What the app's server (@plugboard/server) does: bind the signed-in user to a link session.
    const asUser: ConnectBackend = {
      ...backend,
      createLinkSession: (input, options) =>
        backend.createLinkSession({ ...input, user_id: 'story-user' }, options),
    };
    return { sandbox, backend: asUser, queryClient: createConnectQueryClient() };
  });
  return (
    <ConnectProvider backend={value.backend} queryClient={value.queryClient} messages={messages}>
      {children(value.sandbox)}
    </ConnectProvider>
  );
}

const meta = {
  title: 'Tolerance/Reading a newer Composio',
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** v3.1's REVOKED (the user took the app's access back at the provider): not a connection. */
export const AccountRevoked: Story = {
  name: 'An account with status REVOKED',
  render: () => (
    <WithSandbox script={(sandbox) => sandbox.control.setStatusSequence(['REVOKED'])}>
      {(sandbox) => (
        <ConnectAccountButton authConfigId="ac_github" mode="popup" environment={allowingPopup(sandbox)}>
          Connect GitHub
        </ConnectAccountButton>
      )}
    </WithSandbox>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect GitHub' }));
    // Not a connection: one plain sentence, and the button itself is the way to connect again.
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent('Access to the service was removed.'),
    );
    await expect(canvas.getByRole('button', { name: 'Connect GitHub' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /connected/i })).toBeNull();
  },
};

/** A toolkit that lists an auth mode the kit has never heard of beside the one the config uses. */
export const UnknownFieldMode: Story = {
  name: 'A toolkit with an unknown field mode',
  render: () => (
    <WithSandbox
      backendOf={(sandbox) =>
        rewritingBackend(sandbox, (path, body) => {
          if (!path.endsWith('/toolkits/zendesk')) return;
          const modes = (body.auth_config_details as Body[] | undefined) ?? [];
          body.auth_config_details = [
            {
              mode: 'PASSKEY_V2',
              name: 'Zendesk passkey',
              fields: { connected_account_initiation: { required: [], optional: [] } },
            },
            ...modes,
          ];
        })
      }
    >
      {() => <ApiKeyConnectForm authConfigId="ac_zendesk" />}
    </WithSandbox>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The config's own mode (API_KEY) renders; the unknown one is skipped, nothing fails.
    await typeZendesk(canvas, 'zd_story_token_mode');
    await expect(canvas.getByRole('alert')).toHaveAttribute('data-state', 'empty');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expect(await canvas.findByText(/connected\.$/)).toBeVisible();
  },
};

/** An error envelope as the spec's own `Error` schema has it: no `slug` (nor `code`). */
export const ErrorWithoutSlug: Story = {
  name: 'An error envelope without slug',
  render: () => (
    <WithSandbox
      script={(sandbox) =>
        sandbox.control.failNext({
          route: 'createConnectedAccount',
          status: 400,
          message: 'Zendesk refused the credentials',
          errors: ['api_key: this API token was revoked in Zendesk'],
          suggested_fix: 'Create a new API token in the Zendesk Admin Center.',
        })
      }
      backendOf={(sandbox) =>
        rewritingBackend(sandbox, (_path, body) => {
          const error = body.error as Body | undefined;
          if (error === undefined) return;
          delete error.slug;
          delete error.code;
        })
      }
    >
      {() => <ApiKeyConnectForm authConfigId="ac_zendesk" />}
    </WithSandbox>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeZendesk(canvas, 'zd_story_token_slug');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    const token = canvas.getByLabelText(/^API token/);
    await waitFor(() => expect(token).toHaveAttribute('aria-invalid', 'true'));
    await expect(token).toHaveAccessibleDescription(/this API token was revoked in Zendesk/);
    // The developer's detail waits behind Details: the suggested fix is there, slug or not.
    await userEvent.click(canvas.getByText('Details'));
    await expect(
      await canvas.findByText('Create a new API token in the Zendesk Admin Center.', { exact: false }),
    ).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: /^Subdomain/ })).toHaveValue('acme');
  },
};
