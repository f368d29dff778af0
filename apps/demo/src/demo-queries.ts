import { CONNECTED_ACCOUNTS_KEY } from '@plugboard/react';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchAuthConfigs,
  fetchSandboxScripts,
  type SandboxPanelAction,
  sendSandboxAction,
} from './demo-api';

export const demoKeys = {
  authConfigs: ['demo', 'auth-configs'] as const,
  sandbox: ['demo', 'sandbox'] as const,
};

export function useAuthConfigs() {
  return useQuery({ queryKey: demoKeys.authConfigs, queryFn: ({ signal }) => fetchAuthConfigs(signal) });
}

/** Reads the kit's account lists again: after each connect, failure or sandbox script. */
export function refreshConnectedAccounts(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: CONNECTED_ACCOUNTS_KEY });
}

/** The sandbox's scripts; read every second while a failure is armed, to see when a request used it. */
export function useSandboxScripts() {
  return useQuery({
    queryKey: demoKeys.sandbox,
    queryFn: ({ signal }) => fetchSandboxScripts(signal),
    refetchInterval: (query) => ((query.state.data?.failures.length ?? 0) > 0 ? 1000 : false),
  });
}

export function useSandboxAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: SandboxPanelAction) => sendSandboxAction(action),
    onSuccess: (scripts, action) => {
      client.setQueryData(demoKeys.sandbox, scripts);
      if (action.action === 'reset' || action.action === 'expireLinks' || action.action === 'expireAccounts')
        void refreshConnectedAccounts(client);
    },
  });
}
