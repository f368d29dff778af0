import type { CreatedConnectedAccount, FieldInput } from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { type UseCredentialFormOptions, useCredentialForm } from './useCredentialForm';

const ZENDESK_KEY = 'zd_Headless_Token_7';
const FIELDS: FieldInput[] = [
  { name: 'subdomain', required: true },
  { name: 'email', required: true },
  { name: 'api_key', required: true },
];
let sandbox: Sandbox;

beforeEach(() => {
  sandbox = createSandbox();
});

/** A form of the app's own, built on the hook alone: plain inputs registered with react-hook-form. */
function OwnForm(options: Omit<UseCredentialFormOptions, 'fields'>) {
  const credentials = useCredentialForm({ ...options, fields: FIELDS });
  const { errors } = credentials.form.formState;
  return (
    <form onSubmit={credentials.submit} noValidate>
      {credentials.entries.map(({ path, spec }) => {
        const id = credentials.inputId(path);
        const message = errors[path]?.message;
        return (
          <p key={path}>
            <label htmlFor={id}>{spec.label}</label>
            <input
              id={id}
              type={spec.secret ? 'password' : 'text'}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `${id}-error` : undefined}
              {...credentials.form.register(path)}
            />
            {message ? <span id={`${id}-error`}>{message}</span> : null}
          </p>
        );
      })}
      <button type="submit" disabled={credentials.submitState === 'submitting'}>
        Save
      </button>
      <output>{credentials.submitState === 'connected' ? 'Saved' : ''}</output>
    </form>
  );
}

function setup(options: Omit<UseCredentialFormOptions, 'fields'>) {
  const user = userEvent.setup();
  render(
    <ConnectProvider backend={sandbox.backend} queryClient={createConnectQueryClient()}>
      <OwnForm {...options} />
    </ConnectProvider>,
  );
  return { user };
}

describe('useCredentialForm with markup of your own', () => {
  it('submits the registered inputs and reports success', async () => {
    const onSuccess = vi.fn<(account: CreatedConnectedAccount) => void>();
    const { user } = setup({ authConfigId: 'ac_zendesk', onSuccess });
    await user.type(screen.getByLabelText('Subdomain'), 'acme');
    await user.type(screen.getByLabelText('Email'), 'ops@acme.test');
    await user.type(screen.getByLabelText('API key'), ZENDESK_KEY);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(onSuccess).toHaveBeenCalledOnce();
    expect(onSuccess.mock.calls[0]?.[0].connectionData.val).toMatchObject({
      subdomain: 'acme',
      email: 'ops@acme.test',
    });
    expect(sandbox.snapshot().accounts).toHaveLength(1);
    // The secret is cleared from the form once it has been sent.
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
  });

  it('on a refused submit, focuses the first invalid field and sends nothing', async () => {
    const onSuccess = vi.fn();
    const { user } = setup({ authConfigId: 'ac_zendesk', onSuccess });
    await user.type(screen.getByLabelText('Subdomain'), 'acme');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const email = screen.getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Email is required')).toBeTruthy();
    expect(screen.getByText('API key is required')).toBeTruthy();
    expect((screen.getByLabelText('Subdomain') as HTMLInputElement).value).toBe('acme');
    expect(onSuccess).not.toHaveBeenCalled();
    expect(sandbox.snapshot().accounts).toHaveLength(0);
  });
});
