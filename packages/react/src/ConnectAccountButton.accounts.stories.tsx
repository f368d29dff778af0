import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { accountActions } from './account-actions';
import { ConnectAccountButton } from './ConnectAccountButton';
import { openWindowEnvironment, seedAccount, withAccounts } from './story-accounts';
import './styles.css';

const meta = {
  title: 'Accounts/ConnectAccountButton with accountActions',
  component: ConnectAccountButton,
  decorators: [withAccounts((sandbox) => seedAccount(sandbox, 'ac_github', 'active').then(() => {}))],
  args: {
    authConfigId: 'ac_github',
    appName: 'GitHub',
    mode: 'popup',
    children: 'Connect GitHub',
    unstyled: false,
  },
  render: (args) => (
    <ConnectAccountButton {...args} accountActions={accountActions} environment={openWindowEnvironment} />
  ),
} satisfies Meta<typeof ConnectAccountButton>;
export default meta;
type Story = StoryObj<typeof meta>;

/** An ACTIVE account: shown as connected, with Disconnect instead of a second connection. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Disconnect GitHub' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'GitHub connected' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

export const DisconnectDialog: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Disconnect GitHub' }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('alertdialog', {
      name: 'Disconnect GitHub?',
    });
    await expect(dialog).toHaveTextContent('This app will no longer reach your GitHub account.');
  },
};

export const Disconnected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Disconnect GitHub' }));
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(
      within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }),
    );
    await expect(await canvas.findByRole('button', { name: 'Connect GitHub' })).toHaveFocus();
  },
};

/** An EXPIRED account: Reconnect, which replaces it once the new one is ACTIVE. */
export const Expired: Story = {
  decorators: [withAccounts((sandbox) => seedAccount(sandbox, 'ac_github', 'expired').then(() => {}))],
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Reconnect GitHub' }),
    ).toBeVisible();
  },
};

export const DisabledAccount: Story = {
  decorators: [withAccounts((sandbox) => seedAccount(sandbox, 'ac_github', 'disabled').then(() => {}))],
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Reconnect GitHub' }),
    ).toBeVisible();
  },
};

export const Reconnecting: Story = {
  decorators: [withAccounts((sandbox) => seedAccount(sandbox, 'ac_github', 'failed').then(() => {}))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Reconnect GitHub' }));
    await expect(await canvas.findByRole('button', { name: 'Waiting for GitHub…' })).toBeVisible();
  },
};
