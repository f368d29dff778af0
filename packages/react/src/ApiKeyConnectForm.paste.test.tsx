import type { ConnectBackend, CreateConnectedAccountRequest } from '@plugboard/core';
import { createSandbox } from '@plugboard/sandbox';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiKeyConnectForm } from './ApiKeyConnectForm';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';

/** A user pastes their whole address into the subdomain field; the account is made for `acme`. */
async function pasteInto(authConfigId: string, address: string) {
  const sandbox = createSandbox();
  const sent: CreateConnectedAccountRequest[] = [];
  const backend: ConnectBackend = {
    ...sandbox.backend,
    createConnectedAccount: (input, options) => {
      sent.push(structuredClone(input));
      return sandbox.backend.createConnectedAccount(input, options);
    },
  };
  const user = userEvent.setup();
  render(
    <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
      <ApiKeyConnectForm authConfigId={authConfigId} />
    </ConnectProvider>,
  );
  const field = await screen.findByRole('textbox', { name: /^(Subdomain|Site name)/ });
  await user.click(field);
  await user.paste(address);
  await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ops@acme.test');
  await user.type(screen.getByLabelText(/^API token/), 'tok_123');
  await user.click(screen.getByRole('button', { name: 'Connect' }));
  await waitFor(() => expect(sent).toHaveLength(1), {
    onTimeout: (error) => new Error(`${error.message}\n${document.body.textContent}`),
  });
  return sent[0]?.connection?.state?.val;
}

describe('a subdomain field takes a pasted address', () => {
  it('Zendesk: https://acme.zendesk.com connects acme', async () => {
    expect(await pasteInto('ac_zendesk', 'https://acme.zendesk.com')).toMatchObject({ subdomain: 'acme' });
  });

  it('Jira: https://acme.atlassian.net connects acme', async () => {
    expect(await pasteInto('ac_jira', 'https://acme.atlassian.net')).toMatchObject({ subdomain: 'acme' });
  });
});
