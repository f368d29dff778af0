// The form's parts as top-level exports of the package entry (what a React Server Component can
// import across the "use client" boundary, where `ApiKeyConnectForm.Root` is undefined): each is the
// compound part itself, and a layout built only from them connects Zendesk against the sandbox.
import { createSandbox } from '@plugboard/sandbox';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ApiKeyConnectForm,
  ApiKeyConnectFormError,
  ApiKeyConnectFormField,
  ApiKeyConnectFormFields,
  ApiKeyConnectFormRoot,
  ApiKeyConnectFormSubmit,
  ConnectProvider,
  createConnectQueryClient,
} from './index';

describe('the form parts as top-level exports', () => {
  it('are the compound parts', () => {
    expect(ApiKeyConnectFormRoot).toBe(ApiKeyConnectForm.Root);
    expect(ApiKeyConnectFormFields).toBe(ApiKeyConnectForm.Fields);
    expect(ApiKeyConnectFormField).toBe(ApiKeyConnectForm.Field);
    expect(ApiKeyConnectFormSubmit).toBe(ApiKeyConnectForm.Submit);
    expect(ApiKeyConnectFormError).toBe(ApiKeyConnectForm.Error);
  });

  it('connect Zendesk in a layout of their own, field by field', async () => {
    const sandbox = createSandbox();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    render(
      <ConnectProvider backend={sandbox.backend} queryClient={createConnectQueryClient()}>
        <ApiKeyConnectFormRoot
          authConfigId="ac_zendesk"
          fields={['subdomain', 'email', 'api_key']}
          onSuccess={onSuccess}
        >
          <ApiKeyConnectFormError />
          <ApiKeyConnectFormField name="api_key" />
          <ApiKeyConnectFormField name="subdomain" />
          <ApiKeyConnectFormField name="email" />
          <ApiKeyConnectFormSubmit>Save Zendesk</ApiKeyConnectFormSubmit>
        </ApiKeyConnectFormRoot>
      </ConnectProvider>,
    );
    const inputs = screen.getAllByRole('textbox');
    // The layout's order, not the field list's.
    expect(inputs.map((input) => input.getAttribute('name'))).toEqual(['subdomain', 'email']);
    await user.type(screen.getByLabelText(/^API key/), 'zd_Secret_Token_42');
    await user.type(screen.getByLabelText(/Subdomain/), 'acme');
    await user.type(screen.getByLabelText(/^Email/), 'ops@acme.test');
    await user.click(screen.getByRole('button', { name: 'Save Zendesk' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledOnce());
    const [account] = sandbox.snapshot().accounts;
    expect(account?.status).toBe('ACTIVE');
    expect(onSuccess.mock.calls[0]?.[0].id).toBe(account?.id);
  });

  it('show a refused submit through their error part', async () => {
    const user = userEvent.setup();
    render(
      <ConnectProvider backend={createSandbox().backend} queryClient={createConnectQueryClient()}>
        <ApiKeyConnectFormRoot authConfigId="ac_zendesk">
          <ApiKeyConnectFormError />
          <ApiKeyConnectFormFields />
          <ApiKeyConnectFormSubmit />
        </ApiKeyConnectFormRoot>
      </ConnectProvider>,
    );
    await screen.findByLabelText(/Subdomain/);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toMatch('Fill in 3 fields before connecting:');
  });
});
