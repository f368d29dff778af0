import { createContext, useContext } from 'react';
import type { UseCredentialFormResult } from './useCredentialForm';

export const CredentialFormContext = createContext<UseCredentialFormResult | null>(null);

/** The enclosing `ApiKeyConnectForm.Root`'s form; throws a clear error outside one. */
export function useCredentialFormContext(part: string): UseCredentialFormResult {
  const value = useContext(CredentialFormContext);
  if (!value) throw new Error(`<${part}> must be used inside <ApiKeyConnectForm.Root>.`);
  return value;
}
