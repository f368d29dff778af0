import type { ConnectError, CreatedConnectedAccount, CredentialFormValues, FieldSpec } from '@plugboard/core';
import {
  type CredentialErrorPlacement,
  credentialRequest,
  placeCredentialError,
} from '@plugboard/core/internal';
import { type FormEvent, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { get } from 'react-hook-form';
import { reportMisconfiguration } from './error-message';
import { useCreateConnectedAccount } from './useCreateConnectedAccount';
import type { CredentialForm } from './useCredentialValues';
import type { FieldFocus } from './useFieldFocus';
import type { FieldList } from './useFieldList';

/** One line of the summary announced after a refused submit. */
export interface CredentialFormProblem {
  path: string;
  label: string;
  message: string;
}

/** What the submit needs at the moment it runs (the latest props). */
export interface CredentialSubmitOptions {
  authConfigId: string;
  validateCredentials?: boolean | undefined;
  disabled?: boolean | undefined;
  onSuccess?: ((account: CreatedConnectedAccount) => void) | undefined;
  onError?: ((error: ConnectError) => void) | undefined;
}

/** Sending the credentials and what came back. */
export interface CredentialSubmission {
  /** Validates and sends; a second call while one runs does nothing. Use as the form's `onSubmit`. */
  submit: (event?: FormEvent) => Promise<void>;
  submitState: 'idle' | 'submitting' | 'connected' | 'failed';
  /** The last refusal from the server, already redacted; `null` after a new submit starts. */
  error: ConnectError | null;
  /** Server `errors[]` that name no field of this form. */
  formErrors: readonly string[];
  /** The fields that stopped the last submit, in form order; null when it was not refused. */
  problems: readonly CredentialFormProblem[] | null;
  account: CreatedConnectedAccount | undefined;
  /** After a success: the non-secret values sent (a subdomain, an email), to say which account it is. */
  connectedWith: readonly string[];
  /** Back to an empty form after a success, to connect another account. */
  connectAnother: () => void;
}

interface Parts {
  list: FieldList;
  form: CredentialForm;
  defaults: CredentialFormValues;
  focus: FieldFocus;
  options: RefObject<CredentialSubmitOptions>;
}

/**
 * The submit of a credential form: the form's own check, then the request; a refusal's field
 * errors placed on their fields and summarised, focus on the first of them (or the alert).
 */
export function useCredentialSubmit({ list, form, defaults, focus, options }: Parts): CredentialSubmission {
  const { specs, entries, authScheme, status } = list;
  const { focusField, focusAlert } = focus;
  const mutation = useCreateConnectedAccount({ specs });
  const [problems, setProblems] = useState<CredentialFormProblem[] | null>(null);
  const [connectedWith, setConnectedWith] = useState<readonly string[]>([]);
  // The refusal's texts that name no field; they clear with the error, when the next send starts.
  const formErrors = useMemo(
    () => (mutation.error ? placeServerError(mutation.error, specs).formErrors : []),
    [mutation.error, specs],
  );
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** The fields with a message, in form order. */
  const problemsOf = useCallback(
    (messageOf: (path: string) => unknown): CredentialFormProblem[] =>
      entries.flatMap((e) => {
        const message = messageOf(e.path);
        return typeof message === 'string' ? [{ path: e.path, label: e.spec.label, message }] : [];
      }),
    [entries],
  );

  const inFlight = useRef(false);
  const submit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (inFlight.current || options.current.disabled || status !== 'ready') return;
      inFlight.current = true;
      try {
        await form.handleSubmit(
          async (values) => {
            setProblems(null);
            const { authConfigId, validateCredentials, onSuccess, onError } = options.current;
            try {
              const account = await mutation.connect(
                credentialRequest({ authConfigId, authScheme, values, validateCredentials }),
              );
              if (!mounted.current) return;
              setConnectedWith(publicValues(entries, form.getValues()));
              // The credentials have done their job: clear them from the form (and from memory).
              form.reset(defaults);
              onSuccess?.(account);
            } catch (caught) {
              const error = caught as ConnectError;
              if (!mounted.current) return;
              reportMisconfiguration(error);
              const placed = placeServerError(error, specs);
              for (const [path, list] of Object.entries(placed.fieldErrors)) {
                form.setError(path, { type: 'server', message: list.join(' ') });
              }
              const onFields = problemsOf((path) => placed.fieldErrors[path]?.join(' '));
              setProblems(onFields.length > 0 ? onFields : null);
              const first = onFields[0];
              if (first) focusField(first.path);
              else focusAlert();
              onError?.(error);
            }
          },
          (errors) => {
            // "Fill these in" replaces an earlier refusal: the two never show together.
            mutation.reset();
            const found = problemsOf(
              (path) => (get(errors, path) as { message?: unknown } | undefined)?.message,
            );
            setProblems(found);
            const first = found[0];
            if (first) focusField(first.path);
          },
        )();
      } finally {
        inFlight.current = false;
      }
    },
    [
      form,
      mutation.connect,
      mutation.reset,
      authScheme,
      defaults,
      specs,
      entries,
      focusField,
      focusAlert,
      problemsOf,
      status,
      options,
    ],
  );

  return {
    submit,
    submitState: SUBMIT_STATE[mutation.status],
    error: mutation.error,
    formErrors,
    problems,
    account: mutation.data,
    connectedWith,
    connectAnother: () => {
      setConnectedWith([]);
      setProblems(null);
      mutation.reset();
    },
  };
}

/** The form's word for each state of the create mutation. */
const SUBMIT_STATE = { idle: 'idle', pending: 'submitting', success: 'connected', error: 'failed' } as const;

/** The typed text values a user would recognise the account by: never a secret, a flag or a blob. */
function publicValues(entries: FieldList['entries'], values: CredentialFormValues): string[] {
  return entries.flatMap(({ path, spec }) => {
    if (spec.secret || !['text', 'email', 'url'].includes(spec.kind)) return [];
    const value = get(values, path);
    return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
  });
}

/** Where a refusal goes in the form; only a 400 or 422 speaks about the credentials sent. */
function placeServerError(error: ConnectError, specs: readonly FieldSpec[]): CredentialErrorPlacement {
  return error.kind === 'http' && (error.status === 400 || error.status === 422)
    ? placeCredentialError(error, specs)
    : { fieldErrors: {}, formErrors: [] };
}
