import { createContext, useContext } from 'react';
import type { CredentialFormParts } from './useCredentialForm';

export const CredentialFormContext = createContext<CredentialFormParts | null>(null);

/** The enclosing `ApiKeyConnectForm.Root`'s form, in its parts; throws a clear error outside one. */
export function useCredentialFormContext(part: string): CredentialFormParts {
  const value = useContext(CredentialFormContext);
  if (!value) throw new Error(`<${part}> must be used inside <ApiKeyConnectForm.Root>.`);
  return value;
}
