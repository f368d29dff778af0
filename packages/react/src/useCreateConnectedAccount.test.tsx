import type { ConnectBackend, CreateConnectedAccountRequest } from '@plugboard/core';
import { credentialRequest } from '@plugboard/core/internal';
import { createSandbox } from '@plugboard/sandbox';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { useCreateConnectedAccount } from './useCreateConnectedAccount';

describe('useCreateConnectedAccount', () => {
  it('sends each of two quick calls with its own request', async () => {
    const sandbox = createSandbox();
    const sent: string[] = [];
    const backend: ConnectBackend = {
      ...sandbox.backend,
      createConnectedAccount: (input, options) => {
        sent.push(input.auth_config.id);
        return sandbox.backend.createConnectedAccount(input, options);
      },
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
        {children}
      </ConnectProvider>
    );
    const { result } = renderHook(() => useCreateConnectedAccount(), { wrapper });
    const stripe: CreateConnectedAccountRequest = credentialRequest({
      authConfigId: 'ac_stripe',
      authScheme: 'API_KEY',
      values: { api_key: 'sk_test_first_1234' },
    });
    const vercel: CreateConnectedAccountRequest = credentialRequest({
      authConfigId: 'ac_vercel',
      authScheme: 'BEARER_TOKEN',
      values: { token: 'vercel_second_1234' },
    });
    const accounts = await act(() =>
      Promise.all([result.current.connect(stripe), result.current.connect(vercel)]),
    );
    expect(sent).toEqual(['ac_stripe', 'ac_vercel']);
    const stored = sandbox.snapshot().accounts;
    expect(accounts.map((account) => stored.find((s) => s.id === account.id)?.authConfigId)).toEqual([
      'ac_stripe',
      'ac_vercel',
    ]);
  });
});
