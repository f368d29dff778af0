import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  connect,
  popupEnvironment,
  renderList,
  rows,
  setup,
  type TestPopup,
} from './ConnectedAccountList.testing';

const status = () => screen.getByRole('status');
/** Said to a screen reader and not on screen: inside a visually hidden element (Radix's inline styles). */
function hidden(element: Element): boolean {
  for (let at: HTMLElement | null = element as HTMLElement; at; at = at.parentElement) {
    if (at.style.position === 'absolute' && /^rect\(0(px)?, 0(px)?, 0(px)?, 0(px)?\)$/.test(at.style.clip))
      return true;
  }
  return false;
}

describe('<ConnectedAccountList> announcements', () => {
  it('announces a confirmed Disconnect and a Remove though their row left before the backend answered', async () => {
    const { sandbox } = setup();
    await connect(sandbox, 'ac_github');
    await connect(sandbox, 'ac_slack', 'deny');
    // Over a network the row leaves (optimistically) long before the DELETE answers.
    sandbox.control.setLatency(300, 'deleteConnectedAccount');
    renderList(sandbox);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Remove Slack' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await waitFor(() => expect(status().textContent).toBe('Slack removed.'));
    await user.click(screen.getByRole('button', { name: 'Disconnect GitHub' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }),
    );
    await waitFor(() => expect(rows()).toHaveLength(0));
    await waitFor(() => expect(status().textContent).toBe('GitHub disconnected.'));
    expect((await sandbox.backend.listConnectedAccounts()).items).toHaveLength(0);
  });

  it('says a success without leaving it on screen; a failure stays visible until the next action', async () => {
    const { sandbox } = setup();
    await connect(sandbox, 'ac_slack');
    renderList(sandbox);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Disable Slack' }));
    await waitFor(() => expect(status().textContent).toBe('Slack disabled.'));
    expect(hidden(screen.getByText('Slack disabled.'))).toBe(true);

    sandbox.control.failNext({ status: 500, route: 'setConnectedAccountEnabled' });
    await user.click(screen.getByRole('button', { name: 'Enable Slack' }));
    const failure =
      "Could not change Slack. Couldn't connect to Slack right now. Try again in a few minutes.";
    await waitFor(() => expect(status().textContent).toBe(failure));
    expect(hidden(screen.getByText(failure))).toBe(false);

    // The next action clears it at once: one announcement (its own) per action.
    sandbox.control.setLatency(300, 'setConnectedAccountEnabled');
    await user.click(screen.getByRole('button', { name: 'Enable Slack' }));
    expect(status().textContent).toBe('');
    await waitFor(() => expect(status().textContent).toBe('Slack enabled.'));
    expect(screen.queryByText(failure)).toBeNull();
  });

  it('offers Open again and Cancel when the Reconnect window was closed; Cancel ends the attempt', async () => {
    const { sandbox, backend } = setup();
    await connect(sandbox, 'ac_github', 'deny');
    const popups: TestPopup[] = [];
    renderList(sandbox, undefined, { backend, environment: popupEnvironment(popups) });
    const user = userEvent.setup();
    const reconnect = await screen.findByRole('button', { name: 'Reconnect GitHub' });
    await user.click(reconnect);
    await waitFor(() => expect(popups[0]?.navigate).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Cancel reconnecting GitHub' })).toBeNull();
    if (popups[0]) popups[0].closed = true;
    const cancel = await screen.findByRole(
      'button',
      { name: 'Cancel reconnecting GitHub' },
      { timeout: 2000 },
    );

    await user.click(screen.getByRole('button', { name: 'Open the GitHub window again' }));
    expect(popups).toHaveLength(2);
    if (popups[1]) popups[1].closed = true;
    await screen.findByRole('button', { name: 'Cancel reconnecting GitHub' }, { timeout: 2000 });

    await user.click(screen.getByRole('button', { name: 'Cancel reconnecting GitHub' }));
    await waitFor(() => expect(cancel.isConnected).toBe(false));
    const again = screen.getByRole('button', { name: 'Reconnect GitHub' });
    expect(document.activeElement).toBe(again);
    expect(rows().map((row) => row.getAttribute('data-state'))).toEqual(['failed']);
  });
});
