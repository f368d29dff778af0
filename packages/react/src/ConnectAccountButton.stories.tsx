import {
  type ConnectBackend,
  type ConnectEnvironment,
  callbackMessageFor,
  createHttpBackend,
  notifyConnectOpener,
  type PopupHandle,
} from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState, useSyncExternalStore } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectAccountButton } from './ConnectAccountButton';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { de } from './locales/de';
import { InLocale } from './story-in-locale';
import { useStoryMessages } from './story-locale';
import './styles.css';

/**
 * The in-process sandbox plays the server; the "provider window" is drawn in the page instead of
 * a real popup (a story cannot drive a second window), and answers exactly as the hosted page and
 * the callback page would: `completeLink` on the sandbox, then the callback's `postMessage`.
 */
class ProviderWindow {
  linkToken: string | undefined;
  closed = false;
  blocked = false;
  /** Cross-Origin-Opener-Policy on the provider's page: the window reads closed while on screen. */
  severed = false;
  opened = 0;
  linkSessions = 0;
  #listeners = new Set<() => void>();
  #version = 0;

  constructor(readonly sandbox: Sandbox) {}

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
  getVersion = () => this.#version;
  #changed() {
    this.#version += 1;
    for (const listener of this.#listeners) listener();
  }

  environment: Partial<ConnectEnvironment> = {
    openPopup: () => {
      if (this.blocked) return null;
      this.closed = false;
      this.linkToken = undefined;
      this.opened += 1;
      const handle: PopupHandle = {
        get closed() {
          // Severed once it is on the provider's page, not on our placeholder.
          return provider.closed || (provider.severed && provider.linkToken !== undefined);
        },
        focus: () => {},
        navigate: (url) => {
          this.linkToken = new URL(url).pathname.split('/').pop();
          this.#changed();
        },
        close: () => {
          this.closed = true;
          this.#changed();
        },
      };
      const provider = this;
      this.#changed();
      return handle;
    },
  };

  /** What the user's answer on the hosted page leads to: the callback page's message. */
  async answer(outcome: { allow: true } | { deny: true }) {
    if (!this.linkToken) throw new Error('no link is open');
    const { location } = await this.sandbox.completeLink(this.linkToken, outcome);
    const url = new URL(location, window.location.origin);
    if (this.severed) {
      // COOP severed the opener: the callback page reaches the app by the BroadcastChannel only.
      notifyConnectOpener(url, { window: { opener: null, location: window.location } });
    } else {
      window.postMessage(callbackMessageFor(url), window.location.origin);
    }
    this.close();
  }

  close() {
    this.closed = true;
    this.#changed();
  }
}

let current: ProviderWindow | undefined;
const provider = () => {
  if (!current) throw new Error('the story has not rendered');
  return current;
};

function SimulatedProvider({ window: win }: { window: ProviderWindow }) {
  useSyncExternalStore(win.subscribe, win.getVersion);
  if (win.closed || win.linkToken === undefined) return null;
  return (
    <section aria-label="Provider window (simulated)" className="story-provider">
      <p>GitHub asks: allow this app to access your account?</p>
      <button type="button" onClick={() => void win.answer({ allow: true })}>
        Allow
      </button>{' '}
      <button type="button" onClick={() => void win.answer({ deny: true })}>
        Deny
      </button>{' '}
      <button type="button" onClick={() => win.close()}>
        Close window
      </button>
    </section>
  );
}

/** The backend the story's app uses: the sandbox's own, unless a story swaps in another. */
type BackendOf = (sandbox: Sandbox) => ConnectBackend;

function SandboxProvider({
  script,
  backendOf = (sandbox) => sandbox.backend,
  children,
}: {
  script?: ((window: ProviderWindow) => void) | undefined;
  backendOf?: BackendOf | undefined;
  children: ReactNode;
}) {
  const messages = useStoryMessages();
  const [value] = useState(() => {
    const win = new ProviderWindow(createSandbox());
    script?.(win);
    current = win;
    const backend = backendOf(win.sandbox);
    // What the app's server (@plugboard/server) does: bind the signed-in user to the request.
    const asUser: ConnectBackend = {
      ...backend,
      createLinkSession: (input, options) => {
        win.linkSessions += 1;
        return backend.createLinkSession({ ...input, user_id: 'story-user' }, options);
      },
    };
    return { win, backend: asUser, queryClient: createConnectQueryClient() };
  });
  return (
    <ConnectProvider backend={value.backend} queryClient={value.queryClient} messages={messages}>
      {children}
      <SimulatedProvider window={value.win} />
    </ConnectProvider>
  );
}

const withSandbox =
  (script?: (window: ProviderWindow) => void, backendOf?: BackendOf): Decorator =>
  (Story) => (
    <SandboxProvider script={script} backendOf={backendOf}>
      <Story />
    </SandboxProvider>
  );

const meta = {
  title: 'Connect/ConnectAccountButton',
  component: ConnectAccountButton,
  decorators: [withSandbox()],
  args: {
    authConfigId: 'ac_github',
    appName: 'GitHub',
    mode: 'popup',
    children: 'Connect GitHub',
    unstyled: false,
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['popup', 'auto'] },
    authConfigId: { control: 'select', options: ['ac_github', 'ac_slack', 'ac_notion'] },
    unstyled: { control: 'boolean' },
  },
  // The button reads its environment from the story's simulated provider window.
  render: (args) => <ConnectAccountButton {...args} environment={provider().environment} />,
} satisfies Meta<typeof ConnectAccountButton>;
export default meta;
type Story = StoryObj<typeof meta>;

const connect = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Connect GitHub' }));
  return canvas;
};

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Connect GitHub' });
    await expect(button).toHaveAttribute('data-state', 'idle');
  },
};

export const Creating: Story = {
  decorators: [withSandbox((win) => win.sandbox.control.setLatency(60_000, 'createLinkSession'))],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Connecting…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    await expect(canvas.getByRole('status')).toHaveTextContent('Connecting…');
  },
};

export const WaitingForTheApp: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Waiting for GitHub…' })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Finish in the window that opened.');
    await expect(canvas.getByRole('region', { name: 'Provider window (simulated)' })).toBeVisible();
  },
};

export const Verifying: Story = {
  // The provider says success but the account is still INITIATED: the button keeps checking.
  decorators: [withSandbox((win) => win.sandbox.control.setStatusSequence(['INITIATED']))],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Allow' }));
    await expect(await canvas.findByRole('button', { name: 'Checking the connection…' })).toBeVisible();
  },
};

export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Allow' }));
    // The label keeps the app's name, and the page says it once (the status region is for screen readers).
    const button = await canvas.findByRole('button', { name: 'GitHub connected' });
    await expect(canvas.getByRole('status')).toHaveTextContent('GitHub connected');
    await expect(canvas.getByRole('status').getBoundingClientRect().height).toBeLessThanOrEqual(1);
    await expect(button).toHaveAttribute('data-state', 'connected');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
  },
};

export const Denied: Story = {
  play: async ({ canvasElement }) => {
    const before = within(canvasElement)
      .getByRole('button', { name: 'Connect GitHub' })
      .getBoundingClientRect();
    const canvas = await connect(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Deny' }));
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'You declined access on GitHub. Connect again to allow it.',
      ),
    );
    // One action after a failure: the button itself, not a second "Try again" below it.
    await expect(canvas.getByRole('button', { name: 'Connect GitHub' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
    // The card does not jump: the button stays where it was; the sentence and Details go below it.
    const after = canvas.getByRole('button', { name: 'Connect GitHub' }).getBoundingClientRect();
    await expect({ x: after.x, y: after.y }).toEqual({ x: before.x, y: before.y });
  },
};

export const ServerError: Story = {
  decorators: [
    withSandbox((win) =>
      win.sandbox.control.failNext({
        status: 500,
        route: 'createLinkSession',
        message: 'The provider is unavailable',
        suggested_fix: 'Try again in a minute.',
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    const status = canvas.getByRole('status');
    await waitFor(() =>
      expect(status).toHaveTextContent("Couldn't connect to GitHub right now. Try again in a few minutes."),
    );
    await expect(canvasElement).not.toHaveTextContent('The provider is unavailable');
    // The developer's detail, and the request id for support, behind "Details".
    await userEvent.click(canvas.getByText('Details'));
    const details = canvas.getByText('Details').parentElement as HTMLElement;
    await expect(details).toHaveTextContent('The provider is unavailable');
    await expect(details).toHaveTextContent('Suggested fixTry again in a minute.');
    await expect(details).toHaveTextContent(/Request ID\s*req_\S+/);
  },
};

export const NetworkError: Story = {
  // The connection breaks halfway through the create response: kind `network`.
  decorators: [withSandbox((win) => win.sandbox.control.dropNext({ route: 'createLinkSession' }))],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        "Couldn't connect to GitHub. Check your internet connection and try again.",
      ),
    );
  },
};

export const TimedOut: Story = {
  // The app's backend gives up after 300 ms; the sandbox takes a minute: kind `timeout`.
  decorators: [
    withSandbox(
      (win) => win.sandbox.control.setLatency(60_000, 'createLinkSession'),
      (sandbox) =>
        createHttpBackend({
          baseUrl: sandbox.publicUrl,
          headers: { 'x-api-key': sandbox.apiKey },
          fetch: (input, init) => sandbox.handle(new Request(input, init)),
          timeoutMs: 300,
        }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent('Connecting to GitHub took too long. Try again.'),
    );
    await expect(canvasElement).not.toHaveTextContent('300 ms');
  },
};

export const MalformedResponse: Story = {
  // A backend that answers a javascript: URL: kind `invalid_response`, and nothing is opened.
  decorators: [
    withSandbox(undefined, (sandbox) => ({
      ...sandbox.backend,
      createLinkSession: async (input, options) => ({
        ...(await sandbox.backend.createLinkSession(input, options)),
        redirect_url: 'javascript:alert(1)',
      }),
    })),
  ],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        "Couldn't connect to GitHub right now. Try again in a few minutes.",
      ),
    );
    await expect(canvas.queryByRole('region', { name: 'Provider window (simulated)' })).toBeNull();
  },
};

export const PopupBlocked: Story = {
  decorators: [
    withSandbox((win) => {
      win.blocked = true;
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'Your browser blocked the window for GitHub. Allow pop-ups for this site and try again.',
      ),
    );
    await expect(canvas.getByRole('button', { name: 'Connect GitHub' })).toHaveAttribute(
      'data-state',
      'failed',
    );
  },
};

/** The user closed the window without answering: not a cancel, a wait with Open again and Cancel. */
export const WindowClosed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Close window' }));
    await expect(await canvas.findByRole('button', { name: 'Open again' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('Finish connecting in the GitHub window.');
    await expect(status).not.toHaveTextContent(/cancel/i);
  },
};

export const OpenAgain: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Close window' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Open again' }));
    // The same link, in a window opened inside the click: no second link session.
    await userEvent.click(await canvas.findByRole('button', { name: 'Allow' }));
    await expect(await canvas.findByRole('button', { name: 'GitHub connected' })).toBeVisible();
    await expect(provider().opened).toBe(2);
    await expect(provider().linkSessions).toBe(1);
  },
};

/** A provider page with Cross-Origin-Opener-Policy: the window reads closed while the user reads it. */
export const SeveredByCoop: Story = {
  decorators: [
    withSandbox((win) => {
      win.severed = true;
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Open again' })).toBeVisible();
    await expect(canvas.getByRole('status')).not.toHaveTextContent(/cancel/i);
    // Still on screen; Allow reaches the app by the BroadcastChannel.
    await userEvent.click(canvas.getByRole('button', { name: 'Allow' }));
    await expect(await canvas.findByRole('button', { name: 'GitHub connected' })).toBeVisible();
  },
};

export const Cancelled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Close window' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent('The connection was cancelled.'),
    );
    await expect(canvas.getByRole('button', { name: 'Connect GitHub' })).toHaveFocus();
  },
};

export const Expired: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await canvas.findByRole('button', { name: 'Waiting for GitHub…' });
    provider().sandbox.control.expireLinks();
    // The next status check (≈1 s) finds the account EXPIRED.
    await waitFor(
      () => expect(canvas.getByRole('status')).toHaveTextContent('That link expired. Start again.'),
      {
        timeout: 4000,
      },
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Connect GitHub' }));
    await expect(await canvas.findByRole('button', { name: 'Waiting for GitHub…' })).toHaveFocus();
  },
};

export const Misconfigured: Story = {
  // The app's server refuses the request as cross-site: only its developer can fix that.
  decorators: [
    withSandbox((win) =>
      win.sandbox.control.failNext({
        status: 403,
        route: 'createLinkSession',
        slug: 'Proxy_CrossSiteRequest',
        message: 'Cross-site requests are refused',
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        "This app can't connect to GitHub right now. Please try again later.",
      ),
    );
    await expect(canvasElement).not.toHaveTextContent('Cross-site');
  },
};

/** The German locale (`@plugboard/react/locales/de`): a denial, then connected, all in German. */
export const German: Story = {
  args: { children: 'GitHub verbinden' },
  render: (args) => (
    <InLocale messages={de}>
      <ConnectAccountButton {...args} environment={provider().environment} />
    </InLocale>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'GitHub verbinden' }));
    await expect(await canvas.findByRole('button', { name: 'Warten auf GitHub…' })).toBeVisible();
    await userEvent.click(await canvas.findByRole('button', { name: 'Deny' }));
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'Sie haben den Zugriff bei GitHub abgelehnt. Verbinden Sie sich erneut, um ihn zu erlauben.',
      ),
    );
    await expect(canvas.getByText('Details')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'GitHub verbinden' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Allow' }));
    await expect(await canvas.findByRole('button', { name: 'Mit GitHub verbunden' })).toHaveAttribute(
      'data-state',
      'connected',
    );
  },
};

export const AsChild: Story = {
  render: (args) => (
    <ConnectAccountButton {...args} asChild environment={provider().environment}>
      <button type="button" className="story-link-button">
        Connect GitHub
      </button>
    </ConnectAccountButton>
  ),
  play: async ({ canvasElement }) => {
    const canvas = await connect(canvasElement);
    const link = canvas.getByRole('button', { name: 'Connect GitHub' });
    await waitFor(() => expect(link).toHaveAttribute('data-state', 'awaiting_user'));
    await expect(link).toHaveClass('story-link-button');
  },
};
