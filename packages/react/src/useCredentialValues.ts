import { zodResolver } from '@hookform/resolvers/zod';
import type { CredentialFormValues, CredentialMessages, FieldSpec } from '@plugboard/core';
import { credentialsSchema, defaultCredentialValues } from '@plugboard/core/internal';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { type Resolver, type UseFormReturn, useForm } from 'react-hook-form';

export type CredentialForm = UseFormReturn<CredentialFormValues, unknown, Record<string, unknown>>;

/**
 * What the user types, in react-hook-form, checked by the zod schema core builds from the specs:
 * on blur, then on change after a submit. The defaults are read when the field list changes.
 */
export function useCredentialValues(
  specs: readonly FieldSpec[],
  defaultValues: Readonly<Record<string, unknown>> | undefined,
  messages: CredentialMessages,
): { form: CredentialForm; defaults: CredentialFormValues } {
  // biome-ignore lint/correctness/useExhaustiveDependencies: defaults are read when the fields change, like an uncontrolled input's
  const defaults = useMemo(() => defaultCredentialValues(specs, defaultValues), [specs]);
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
  return { form, defaults };
}
