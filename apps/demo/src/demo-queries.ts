import { accountOutcome } from '@plugboard/core';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchAuthConfigs,
  fetchConnectedAccounts,
  fetchSandboxScripts,
  type SandboxPanelAction,
  sendSandboxAction,
} from './demo-api';

export const demoKeys = {
  authConfigs: ['demo', 'auth-configs'] as const,
  connectedAccounts: ['demo', 'connected-accounts'] as const,
  sandbox: ['demo', 'sandbox'] as const,
};

/** How often the list is read again while an account is pending (the provider has not answered). */
const PENDING_POLL_MS = 1000;

export function useAuthConfigs() {
  return useQuery({ queryKey: demoKeys.authConfigs, queryFn: ({ signal }) => fetchAuthConfigs(signal) });
}

/** The user's accounts, polled while any is pending so the list and the cards show live status. */
export function useConnectedAccounts() {
  return useQuery({
    queryKey: demoKeys.connectedAccounts,
    queryFn: ({ signal }) => fetchConnectedAccounts(signal),
    refetchInterval: (query) =>
      query.state.data?.some((account) => accountOutcome(account).status === 'pending')
        ? PENDING_POLL_MS
        : false,
  });
}

/** Reads the accounts again: after each connect, failure or sandbox reset. */
export function refreshConnectedAccounts(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: demoKeys.connectedAccounts });
}

export function useSandboxScripts() {
  return useQuery({ queryKey: demoKeys.sandbox, queryFn: ({ signal }) => fetchSandboxScripts(signal) });
}

export function useSandboxAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: SandboxPanelAction) => sendSandboxAction(action),
    onSuccess: (scripts, action) => {
      client.setQueryData(demoKeys.sandbox, scripts);
      if (action.action === 'reset' || action.action === 'expireLinks') void refreshConnectedAccounts(client);
    },
  });
}
