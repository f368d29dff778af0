import { zodResolver } from '@hookform/resolvers/zod';
import {
  type AuthFields,
  type AuthScheme,
  ConnectError,
  type CreatedConnectedAccount,
  type CredentialFieldEntry,
  type CredentialFormValues,
  type FieldInput,
  type FieldSpec,
  resolveFieldSpecs,
} from '@plugboard/core';
import {
  type CredentialErrorPlacement,
  credentialFieldEntries,
  credentialRequest,
  credentialsSchema,
  defaultCredentialValues,
  fieldSpecsFromAuthFields,
  placeCredentialError,
} from '@plugboard/core/internal';
import { useQuery } from '@tanstack/react-query';
import {
  type FormEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { get, type Resolver, type UseFormReturn, useForm } from 'react-hook-form';
import { useConnectContext } from './ConnectProvider';
import { reportMisconfiguration } from './error-message';
import type { Messages } from './messages';
import { defaultFormMessages, type FormMessages } from './messages-form';
import { useCreateConnectedAccount } from './useCreateConnectedAccount';

export interface UseCredentialFormOptions {
  /** The auth config the account is created for (`ac_…`). */
  authConfigId: string;
  /**
   * The fields to ask for: catalog names, or names with overrides. Omitted: the toolkit's own
   * field list is loaded with `backend.getAuthFields(authConfigId)`.
   */
  fields?: readonly FieldInput[] | undefined;
  /** The credential scheme sent in `connection.state`; defaults to the loaded one, else `API_KEY`. */
  authScheme?: AuthScheme | undefined;
  /** Starting values, by field path (`authed_user.scope`) or nested; read when the fields are known. */
  defaultValues?: Readonly<Record<string, unknown>> | undefined;
  /** Sent as `validate_credentials`: the server tries the credentials before it saves them. */
  validateCredentials?: boolean | undefined;
  disabled?: boolean | undefined;
  /** The service's name ("Zendesk") for the form's sentences; defaults to the loaded toolkit's name. */
  appName?: string | undefined;
  /** Called with the created account; its credentials are already `[redacted]`. */
  onSuccess?: ((account: CreatedConnectedAccount) => void) | undefined;
  onError?: ((error: ConnectError) => void) | undefined;
  messages?: Partial<Messages> | undefined;
}

/** One line of the summary announced after a refused submit. */
export interface CredentialFormProblem {
  path: string;
  label: string;
  message: string;
}

export interface UseCredentialFormResult {
  /** The service's name: the `appName` option, else the loaded toolkit's, else none. */
  appName: string | undefined;
  /** The field list: `loading` while `getAuthFields` runs, `error` if it failed. */
  status: 'loading' | 'error' | 'ready';
  loadError: ConnectError | null;
  retryLoad: () => void;
  specs: readonly FieldSpec[];
  /** Every input of the form in order, nested fields with dotted paths. */
  entries: readonly CredentialFieldEntry[];
  authScheme: AuthScheme;
  form: UseFormReturn<CredentialFormValues, unknown, Record<string, unknown>>;
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
  disabled: boolean;
  /** The form's strings: its defaults, the provider's overrides, then the `messages` option. */
  messages: FormMessages;
  /** Whether optional fields are shown (the default layout puts them in a "More options" section). */
  optionalOpen: boolean;
  setOptionalOpen: (open: boolean) => void;
  /** Whether a path belongs in the optional section (the form has required fields, this is not one). */
  isOptional: (path: string) => boolean;
  entry: (path: string) => CredentialFieldEntry | undefined;
  /** The DOM id of a field's control; the problem summary links to it. */
  inputId: (path: string) => string;
  /** Moves focus to a field, opening the optional section first if it is there. */
  focusField: (path: string) => void;
  /** Attach to the element that shows `error` and `problems`; it gets focus after a server failure. */
  alertRef: (element: HTMLElement | null) => void;
}

const NO_FIELDS: readonly FieldSpec[] = [];

/**
 * The behaviour of `<ApiKeyConnectForm>` without its markup: field list, react-hook-form state
 * validated by the schema core builds from the specs, submission, server-error placement and
 * focus management. Render `form.control` with `useController`-based fields (or the compound parts).
 *
 * @example const cf = useCredentialForm({ authConfigId: 'ac_zendesk', fields: ['subdomain', 'email', 'api_key'] })
 */
export function useCredentialForm(options: UseCredentialFormOptions): UseCredentialFormResult {
  const context = useConnectContext();
  const { backend, queryClient } = context;
  const messages = useMemo(
    (): FormMessages => ({ ...defaultFormMessages, ...context.messages, ...options.messages }),
    [context.messages, options.messages],
  );
  const latest = useRef(options);
  latest.current = options;

  const fieldsKey = options.fields ? fieldsSignature(options.fields) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, so an inline array does not rebuild the form
  const givenSpecs = useMemo(() => (options.fields ? resolveFieldSpecs(options.fields) : null), [fieldsKey]);

  const authFields = useQuery<AuthFields, ConnectError>(
    {
      queryKey: ['plugboard', 'authFields', options.authConfigId],
      enabled: givenSpecs === null,
      staleTime: 5 * 60_000,
      queryFn: ({ signal }) => {
        if (!backend.getAuthFields) {
          throw new ConnectError('invalid_request', {
            message: 'This backend cannot list the fields of an auth config: pass `fields`.',
          });
        }
        return backend.getAuthFields(options.authConfigId, { signal });
      },
    },
    queryClient,
  );
  const loadedSpecs = useMemo(
    () => (authFields.data ? fieldSpecsFromAuthFields(authFields.data) : null),
    [authFields.data],
  );
  const specs = givenSpecs ?? loadedSpecs ?? NO_FIELDS;
  const status = givenSpecs || loadedSpecs ? 'ready' : authFields.isError ? 'error' : 'loading';
  const authScheme = options.authScheme ?? authFields.data?.authScheme ?? 'API_KEY';

  const entries = useMemo(() => credentialFieldEntries(specs), [specs]);
  const byPath = useMemo(() => new Map(entries.map((e) => [e.path, e])), [entries]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: defaults are read when the fields change, like an uncontrolled input's
  const defaults = useMemo(() => defaultCredentialValues(specs, options.defaultValues), [specs]);
  const schema = useMemo(() => credentialsSchema(specs, messages), [specs, messages]);
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  // One resolver for the form's life that always checks against the current field list.
  const resolver = useCallback<Resolver<CredentialFormValues, unknown, Record<string, unknown>>>(
    (values, resolverContext, resolverOptions) =>
      zodResolver(schemaRef.current)(values, resolverContext, resolverOptions as never) as never,
    [],
  );

  const form = useForm<CredentialFormValues, unknown, Record<string, unknown>>({
    mode: 'onBlur',
    reValidateMode: 'onChange',
    defaultValues: defaults,
    resolver,
    // We focus ourselves: the first invalid field may sit in the closed "More options" section.
    shouldFocusError: false,
  });
  const firstDefaults = useRef(defaults);
  useLayoutEffect(() => {
    if (firstDefaults.current !== defaults) form.reset(defaults);
    firstDefaults.current = defaults;
  }, [defaults, form]);

  const mutation = useCreateConnectedAccount({ specs });
  const [problems, setProblems] = useState<CredentialFormProblem[] | null>(null);
  // The refusal's texts that name no field; they clear with the error, when the next send starts.
  const formErrors = useMemo(
    () => (mutation.error ? placeServerError(mutation.error, specs).formErrors : []),
    [mutation.error, specs],
  );
  const [optionalOpen, setOptionalOpen] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<{ path: string } | { alert: true } | null>(null);
  const alertElement = useRef<HTMLElement | null>(null);
  const alertRef = useCallback((element: HTMLElement | null) => {
    alertElement.current = element;
  }, []);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const baseId = useId();
  const inputId = useCallback((path: string) => `${baseId}-${path.replace(/[^\w-]/g, '_')}`, [baseId]);
  // Top-level specs that go in the optional section: none when every field is optional.
  const optionalNames = useMemo(() => {
    const isRequired = (spec: FieldSpec) => spec.required || !!spec.fields?.some((child) => child.required);
    return new Set(
      specs.some(isRequired) ? specs.filter((spec) => !isRequired(spec)).map((spec) => spec.name) : [],
    );
  }, [specs]);
  const isOptional = useCallback(
    (path: string) => optionalNames.has(path.split('.')[0] as string),
    [optionalNames],
  );
  const focusField = useCallback(
    (path: string) => {
      if (isOptional(path)) setOptionalOpen(true);
      setPendingFocus({ path });
    },
    [isOptional],
  );
  // After the render that opened the section and showed the errors, so the field exists and is visible.
  useEffect(() => {
    if (!pendingFocus) return;
    if ('path' in pendingFocus) form.setFocus(pendingFocus.path);
    else alertElement.current?.focus();
    setPendingFocus(null);
  }, [pendingFocus, form]);

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
  const disabled = options.disabled === true;
  const submit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (inFlight.current || latest.current.disabled || status !== 'ready') return;
      inFlight.current = true;
      try {
        await form.handleSubmit(
          async (values) => {
            setProblems(null);
            const { authConfigId, validateCredentials, onSuccess, onError } = latest.current;
            try {
              const account = await mutation.connect(
                credentialRequest({ authConfigId, authScheme, values, validateCredentials }),
              );
              if (!mounted.current) return;
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
              else setPendingFocus({ alert: true });
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
    [form, mutation.connect, mutation.reset, authScheme, defaults, specs, focusField, problemsOf, status],
  );

  const submitState =
    mutation.status === 'pending'
      ? 'submitting'
      : mutation.status === 'success'
        ? 'connected'
        : mutation.status === 'error'
          ? 'failed'
          : 'idle';

  useEffect(() => {
    if (authFields.error) reportMisconfiguration(authFields.error);
  }, [authFields.error]);

  return {
    appName: options.appName || authFields.data?.toolkitName || undefined,
    status,
    loadError: authFields.error,
    retryLoad: () => void authFields.refetch(),
    specs,
    entries,
    authScheme,
    form,
    submit,
    submitState,
    error: mutation.error,
    formErrors,
    problems,
    account: mutation.data,
    disabled,
    messages,
    optionalOpen,
    setOptionalOpen,
    isOptional,
    entry: (path) => byPath.get(path),
    inputId,
    focusField,
    alertRef,
  };
}

/** Where a refusal goes in the form; only a 400 or 422 speaks about the credentials sent. */
function placeServerError(error: ConnectError, specs: readonly FieldSpec[]): CredentialErrorPlacement {
  return error.kind === 'http' && (error.status === 400 || error.status === 422)
    ? placeCredentialError(error, specs)
    : { fieldErrors: {}, formErrors: [] };
}

/** A stable key for a `fields` prop, so an inline array literal does not rebuild the form each render. */
function fieldsSignature(fields: readonly FieldInput[]): string {
  // A validator has no stable text (and may be circular); its presence is what the key can tell.
  return JSON.stringify(fields, (key, value) => (key === 'validator' ? value !== undefined : value));
}
