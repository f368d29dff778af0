import type { ConnectEnvironment, ConnectedAccountSummary, PopupHandle } from '@plugboard/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectedAccountList } from './ConnectedAccountList';
import { de } from './locales/de';
import { openWindowEnvironment, seedAccount, withAccounts } from './story-accounts';
import { InLocale } from './story-in-locale';
import './styles.css';

const NAMES: Record<string, string> = {
  ac_github: 'GitHub',
  ac_slack: 'Slack',
  ac_notion: 'Notion',
  ac_linear: 'Linear',
  ac_zendesk: 'Zendesk',
};

const appName = (account: ConnectedAccountSummary) => NAMES[account.auth_config.id] ?? account.toolkit.slug;

const everyState = withAccounts(async (sandbox) => {
  await seedAccount(sandbox, 'ac_zendesk', 'pending');
  await seedAccount(sandbox, 'ac_linear', 'expired');
  await seedAccount(sandbox, 'ac_notion', 'failed');
  await seedAccount(sandbox, 'ac_slack', 'disabled');
  await seedAccount(sandbox, 'ac_github', 'active');
});

const meta = {
  title: 'Accounts/ConnectedAccountList',
  component: ConnectedAccountList,
  decorators: [everyState],
  args: { unstyled: false, mode: 'popup' },
  argTypes: { unstyled: { control: 'boolean' } },
  render: (args) => (
    <>
      <h2 id="accounts">Connected accounts</h2>
      <ConnectedAccountList
        {...args}
        aria-labelledby="accounts"
        appName={appName}
        environment={args.environment ?? openWindowEnvironment}
      />
    </>
  ),
} satisfies Meta<typeof ConnectedAccountList>;
export default meta;
type Story = StoryObj<typeof meta>;

const row = async (canvasElement: HTMLElement, name: string) => {
  const canvas = within(canvasElement);
  const rows = await canvas.findAllByRole('listitem');
  const found = rows.find((item) => item.textContent?.startsWith(name));
  if (!found) throw new Error(`no row for ${name}`);
  return within(found);
};

/**
 * Connected, disabled, failed, expired, and an attempt nobody here waits on (shown with
 * `showAbandoned`; hidden by default): each with what can be done about it.
 */
export const EveryState: Story = {
  args: { showAbandoned: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(5));
    const states = canvas.getAllByRole('listitem').map((item) => item.getAttribute('data-state'));
    await expect(states).toEqual(['connected', 'disabled', 'failed', 'expired', 'abandoned']);
    await expect(
      (await row(canvasElement, 'GitHub')).getByRole('button', { name: 'Disconnect GitHub' }),
    ).toBeVisible();
    await expect(
      (await row(canvasElement, 'Slack')).getByRole('button', { name: 'Enable Slack' }),
    ).toBeVisible();
    await expect(
      (await row(canvasElement, 'Notion')).getByRole('button', { name: 'Reconnect Notion' }),
    ).toBeVisible();
    await expect(
      (await row(canvasElement, 'Linear')).getByRole('button', { name: 'Remove Linear' }),
    ).toBeVisible();
    await expect((await row(canvasElement, 'Zendesk')).getByText('Not finished')).toBeVisible();
  },
};

export const Unstyled: Story = { args: { unstyled: true } };

export const Loading: Story = {
  decorators: [withAccounts((sandbox) => sandbox.control.setLatency(60_000, 'listConnectedAccounts'))],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading your connections…')).toBeVisible();
  },
};

export const Empty: Story = {
  decorators: [withAccounts(() => {})],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No connected accounts yet.')).toBeVisible();
  },
};

export const LoadFailed: Story = {
  decorators: [
    withAccounts((sandbox) =>
      sandbox.control.failNext({
        status: 503,
        route: 'listConnectedAccounts',
        message: 'The service is busy.',
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      // The kit's plain sentence for a 503, not the service's own words (those are the developer's).
      "Your connections could not be loaded. Couldn't connect to the service right now. Try again in a few minutes.",
    );
  },
};

export const DisconnectDialog: Story = {
  play: async ({ canvasElement }) => {
    const github = await row(canvasElement, 'GitHub');
    await userEvent.click(github.getByRole('button', { name: 'Disconnect GitHub' }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('alertdialog', {
      name: 'Disconnect GitHub?',
    });
    await expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
  },
};

export const Disconnected: Story = {
  play: async ({ canvasElement }) => {
    const github = await row(canvasElement, 'GitHub');
    await userEvent.click(github.getByRole('button', { name: 'Disconnect GitHub' }));
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(
      within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }),
    );
    const canvas = within(canvasElement);
    // Slack, Notion and Linear stay (the Zendesk attempt nobody waits on is not listed).
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(3));
    await expect(canvas.getByRole('status')).toHaveTextContent('GitHub disconnected.');
  },
};

export const Disabled: Story = {
  play: async ({ canvasElement }) => {
    const github = await row(canvasElement, 'GitHub');
    await userEvent.click(github.getByRole('button', { name: 'Disable GitHub' }));
    await expect(await github.findByRole('button', { name: 'Enable GitHub' })).toBeVisible();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('GitHub disabled.');
  },
};

export const ActionFailed: Story = {
  decorators: [
    withAccounts(async (sandbox) => {
      await seedAccount(sandbox, 'ac_github', 'active');
      sandbox.control.failNext({
        status: 500,
        route: 'setConnectedAccountEnabled',
        message: 'The service failed.',
      });
    }),
  ],
  play: async ({ canvasElement }) => {
    const github = await row(canvasElement, 'GitHub');
    await userEvent.click(github.getByRole('button', { name: 'Disable GitHub' }));
    await expect(
      await within(canvasElement).findByText(
        "Could not change GitHub. Couldn't connect to GitHub right now. Try again in a few minutes.",
      ),
    ).toBeVisible();
    await expect(github.getByRole('button', { name: 'Disable GitHub' })).toBeVisible();
  },
};

export const Reconnecting: Story = {
  play: async ({ canvasElement }) => {
    const notion = await row(canvasElement, 'Notion');
    await userEvent.click(notion.getByRole('button', { name: 'Reconnect Notion' }));
    await expect(await notion.findByRole('button', { name: 'Waiting for Notion…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

export const AbandonedShown: Story = {
  args: { showAbandoned: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByRole('listitem')).toHaveLength(5));
  },
};

/** A provider window the user closes as soon as it shows the provider's page. */
const closingWindowEnvironment: Partial<ConnectEnvironment> = {
  openPopup: (): PopupHandle => {
    const popup = {
      closed: false,
      navigate: () => {
        popup.closed = true;
      },
      close: () => {
        popup.closed = true;
      },
    };
    return popup;
  },
};

/** Reconnect whose window the user closed: Open again and Cancel, not "waiting" until the link expires. */
export const ReconnectWindowClosed: Story = {
  args: { environment: closingWindowEnvironment },
  play: async ({ canvasElement }) => {
    const notion = await row(canvasElement, 'Notion');
    await userEvent.click(notion.getByRole('button', { name: 'Reconnect Notion' }));
    await expect(
      await notion.findByRole('button', { name: 'Open the Notion window again' }, { timeout: 3000 }),
    ).toBeVisible();
    await userEvent.click(notion.getByRole('button', { name: 'Cancel reconnecting Notion' }));
    await expect(await notion.findByRole('button', { name: 'Reconnect Notion' })).toHaveFocus();
  },
};

/** The German locale (`@plugboard/react/locales/de`): every state, an action and a closed Reconnect window. */
export const German: Story = {
  render: (args) => (
    <InLocale messages={de}>
      <h2 id="konten">Verbundene Konten</h2>
      <ConnectedAccountList
        {...args}
        aria-labelledby="konten"
        appName={appName}
        environment={closingWindowEnvironment}
      />
    </InLocale>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The Zendesk attempt no flow here waits on is not listed.
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(4));
    const github = await row(canvasElement, 'GitHub');
    await expect(github.getByText('Verbunden')).toBeVisible();
    await expect(github.getByText(/^Hinzugefügt am /)).toBeVisible();
    await expect((await row(canvasElement, 'Linear')).getByText('Abgelaufen')).toBeVisible();
    await expect(
      (await row(canvasElement, 'Linear')).getByRole('button', { name: 'Linear entfernen' }),
    ).toBeVisible();
    await userEvent.click(github.getByRole('button', { name: 'GitHub deaktivieren' }));
    await expect(await github.findByRole('button', { name: 'GitHub aktivieren' })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('GitHub wurde deaktiviert.');
    const notion = await row(canvasElement, 'Notion');
    await expect(notion.getByText('Fehlgeschlagen')).toBeVisible();
    await userEvent.click(notion.getByRole('button', { name: 'Notion erneut verbinden' }));
    await expect(
      await notion.findByRole(
        'button',
        { name: 'Erneutes Verbinden mit Notion abbrechen' },
        { timeout: 3000 },
      ),
    ).toBeVisible();
    await expect(notion.getByRole('button', { name: 'Das Fenster von Notion erneut öffnen' })).toBeVisible();
  },
};
