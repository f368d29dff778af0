import type { FieldSpec } from '@plugboard/core';
import { formatMessage } from '@plugboard/core/internal';
import { Collapsible, Slot } from 'radix-ui';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useCallback } from 'react';
import { useFormState } from 'react-hook-form';
import { CredentialFormContext, useCredentialFormContext } from './ApiKeyConnectFormContext';
import { ApiKeyConnectFormField } from './ApiKeyConnectFormField';
import { useConnectContext } from './ConnectProvider';
import { ErrorDetails } from './ErrorDetails';
import { describeError } from './error-message';
import { formatPlural } from './plural';
import { setRef } from './set-ref';
import {
  type CredentialFormProblem,
  type UseCredentialFormOptions,
  useCredentialForm,
} from './useCredentialForm';

type FormElementProps = Omit<
  ComponentPropsWithoutRef<'form'>,
  'onSubmit' | 'onError' | 'defaultValue' | 'children'
>;

export interface ApiKeyConnectFormRootProps extends UseCredentialFormOptions, FormElementProps {
  children?: ReactNode;
}

/**
 * The `<form>` and the behaviour of `useCredentialForm`; its parts (`Field`, `Submit`, `Error`,
 * `Fields`) read it from context. While the field list loads or fails to, it shows that instead
 * of its children.
 */
const Root = forwardRef<HTMLFormElement, ApiKeyConnectFormRootProps>(function ApiKeyConnectFormRoot(
  {
    authConfigId,
    fields,
    authScheme,
    defaultValues,
    validateCredentials,
    disabled,
    appName,
    onSuccess,
    onError,
    messages,
    children,
    ...props
  },
  ref,
) {
  const form = useCredentialForm({
    authConfigId,
    fields,
    authScheme,
    defaultValues,
    validateCredentials,
    disabled,
    appName,
    onSuccess,
    onError,
    messages,
  });
  const { errorMessages } = useConnectContext();
  const { status } = form;
  return (
    <CredentialFormContext.Provider value={form}>
      <form
        noValidate
        className="plugboard-form"
        data-state={status === 'ready' ? form.submitState : status}
        data-disabled={form.disabled ? '' : undefined}
        aria-busy={status === 'loading' || form.submitState === 'submitting' || undefined}
        {...props}
        ref={ref}
        onSubmit={form.submit}
      >
        {status === 'loading' ? (
          <p role="status" className="plugboard-form__loading">
            {form.messages.formLoading}
          </p>
        ) : status === 'error' ? (
          <div role="alert" className="plugboard-form__alert" data-state="failed">
            <p>
              {form.loadError
                ? describeError(form.loadError, {
                    messages: form.messages,
                    appName: form.appName,
                    errorMessages,
                  })
                : form.messages.formLoadFailed}
            </p>
            <button type="button" className="plugboard-form__button" onClick={form.retryLoad}>
              {form.messages.retry}
            </button>
            {form.loadError ? <ErrorDetails error={form.loadError} messages={form.messages} /> : null}
          </div>
        ) : (
          children
        )}
        <p role="status" className="plugboard-form__status">
          {form.submitState === 'connected' ? form.messages.formConnected : null}
        </p>
      </form>
    </CredentialFormContext.Provider>
  );
});

export interface ApiKeyConnectFormFieldsProps extends ComponentPropsWithoutRef<'div'> {}

/**
 * Every field of the form in the default layout: required fields first, optional ones inside a
 * "More options" section (open when the form has no required field), nested objects as fieldsets.
 */
const Fields = forwardRef<HTMLDivElement, ApiKeyConnectFormFieldsProps>(
  function ApiKeyConnectFormFields(props, ref) {
    const form = useCredentialFormContext('ApiKeyConnectForm.Fields');
    // `isOptional` goes by a path's first segment, so a top-level spec's own name answers for it.
    const required = form.specs.filter((spec) => !form.isOptional(spec.name));
    const optional = form.specs.filter((spec) => form.isOptional(spec.name));
    return (
      <div className="plugboard-form__fields" {...props} ref={ref}>
        {required.map((spec) => (
          <SpecFields key={spec.name} spec={spec} />
        ))}
        {optional.length > 0 ? (
          <Collapsible.Root
            open={form.optionalOpen}
            onOpenChange={form.setOptionalOpen}
            className="plugboard-form__more"
          >
            <Collapsible.Trigger type="button" className="plugboard-form__more-trigger">
              {form.messages.formMoreOptions}
            </Collapsible.Trigger>
            <Collapsible.Content className="plugboard-form__more-content">
              {optional.map((spec) => (
                <SpecFields key={spec.name} spec={spec} />
              ))}
            </Collapsible.Content>
          </Collapsible.Root>
        ) : null}
      </div>
    );
  },
);

function SpecFields({ spec }: { spec: FieldSpec }) {
  const form = useCredentialFormContext('ApiKeyConnectForm.Fields');
  if (!spec.fields?.length) return <ApiKeyConnectFormField name={spec.name} />;
  const descriptionId = `${form.inputId(spec.name)}-description`;
  return (
    <fieldset
      className="plugboard-form__fieldset"
      aria-describedby={spec.description ? descriptionId : undefined}
    >
      <legend className="plugboard-form__legend">{spec.label}</legend>
      {spec.description ? (
        <p id={descriptionId} className="plugboard-form__description">
          {spec.description}
        </p>
      ) : null}
      {spec.fields.map((child) => (
        <ApiKeyConnectFormField key={child.name} name={`${spec.name}.${child.name}`} />
      ))}
    </fieldset>
  );
}

export interface ApiKeyConnectFormSubmitProps extends ComponentPropsWithoutRef<'button'> {
  /** Render your own element (Radix `Slot`) with the button's behaviour. */
  asChild?: boolean;
}

/** The submit button: disabled while sending, so a second submit cannot start. */
const Submit = forwardRef<HTMLButtonElement, ApiKeyConnectFormSubmitProps>(function ApiKeyConnectFormSubmit(
  { asChild, children, disabled, ...props },
  ref,
) {
  const form = useCredentialFormContext('ApiKeyConnectForm.Submit');
  const { isSubmitting } = useFormState({ control: form.form.control });
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type="submit"
      className="plugboard-form__button plugboard-form__submit"
      data-state={isSubmitting ? 'submitting' : 'idle'}
      {...props}
      ref={ref}
      disabled={disabled || form.disabled || isSubmitting}
    >
      {children ?? (isSubmitting ? form.messages.formSubmitting : form.messages.formSubmit)}
    </Component>
  );
});

export interface ApiKeyConnectFormErrorProps extends ComponentPropsWithoutRef<'div'> {}

/**
 * The form-level alert: after a refused submit, a summary of the fields to fix (each a link that
 * focuses the field), and the server's message, suggested fix and request id. Always in the DOM,
 * so screen readers announce what appears in it.
 */
const ErrorPart = forwardRef<HTMLDivElement, ApiKeyConnectFormErrorProps>(function ApiKeyConnectFormError(
  { children, ...props },
  ref,
) {
  const form = useCredentialFormContext('ApiKeyConnectForm.Error');
  const { errorMessages } = useConnectContext();
  const { problems, error, formErrors, messages, appName } = form;
  const attach = useCallback(
    (node: HTMLDivElement | null) => {
      form.alertRef(node);
      setRef(ref, node);
    },
    [form.alertRef, ref],
  );
  const state = error ? 'failed' : problems?.length ? 'invalid' : 'empty';
  const app = appName || messages.appFallback;
  return (
    <div
      role="alert"
      tabIndex={-1}
      className="plugboard-form__alert"
      data-state={state}
      {...props}
      ref={attach}
    >
      {error ? (
        // The service refused what was sent: one sentence, the fields it named, then the detail.
        <p className="plugboard-form__alert-title">
          {problems?.length
            ? formatPlural(messages, 'formRefusedSummary', problems.length, { app })
            : describeError(error, { messages, appName, errorMessages, refusedCredentials: true })}
        </p>
      ) : problems?.length ? (
        // Nothing was sent: the form's own check lists what to fill in.
        <p className="plugboard-form__alert-title">
          {formatPlural(messages, 'formInvalidSummary', problems.length)}
        </p>
      ) : null}
      {problems?.length ? (
        <ul>
          {problems.map((problem) => (
            <li key={problem.path}>
              <a
                href={`#${form.inputId(problem.path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  form.focusField(problem.path);
                }}
              >
                {problemLine(problem, messages.formProblem)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorDetails error={error} messages={messages} more={formErrors} /> : null}
      {children}
    </div>
  );
});

/** A summary line says the field's name once: a message that already names it stands alone. */
function problemLine(problem: CredentialFormProblem, template: string): string {
  return problem.message.toLowerCase().includes(problem.label.toLowerCase())
    ? problem.message
    : formatMessage(template, { label: problem.label, message: problem.message });
}

export interface ApiKeyConnectFormProps extends Omit<ApiKeyConnectFormRootProps, 'children'> {}

/**
 * A credential form (API key, basic, bearer token, …) built from a field list, ready to use.
 *
 * @example <ApiKeyConnectForm authConfigId="ac_zendesk" fields={['subdomain', 'email', 'api_key']} onSuccess={…} />
 */
const ApiKeyConnectFormBase = forwardRef<HTMLFormElement, ApiKeyConnectFormProps>(
  function ApiKeyConnectForm(props, ref) {
    return (
      <Root {...props} ref={ref}>
        <ErrorPart />
        <Fields />
        <Submit />
      </Root>
    );
  },
);

/** The default form, with its compound parts for custom layouts (`ApiKeyConnectForm.Root`, …). */
export const ApiKeyConnectForm = Object.assign(ApiKeyConnectFormBase, {
  Root,
  Fields,
  Field: ApiKeyConnectFormField,
  Submit,
  Error: ErrorPart,
});
