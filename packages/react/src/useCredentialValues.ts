import { zodResolver } from '@hookform/resolvers/zod';
import type { CredentialFormValues, CredentialMessages, FieldSpec } from '@plugboard/core';
import { credentialsSchema, defaultCredentialValues } from '@plugboard/core/internal';
import { useLayoutEffect, useMemo, useRef } from 'react';
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
  const form = useForm<CredentialFormValues, unknown, Record<string, unknown>>({
    mode: 'onBlur',
    reValidateMode: 'onChange',
    defaultValues: defaults,
    // react-hook-form reads its options again on every render: a check runs against the current
    // field list.
    resolver: zodResolver(schema) as Resolver<CredentialFormValues, unknown, Record<string, unknown>>,
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
