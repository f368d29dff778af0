import type { FieldSpec } from '@plugboard/core';
import { formatMessage } from '@plugboard/core/internal';
import { Slot } from 'radix-ui';
import { useComposedRefs } from 'radix-ui/internal';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useEffect } from 'react';
import { type FieldError, type FieldErrors, get, useFormState } from 'react-hook-form';
import { CredentialFormContext, useCredentialFormContext } from './ApiKeyConnectFormContext';
import { ApiKeyConnectFormField } from './ApiKeyConnectFormField';
import { useConnectContext } from './ConnectProvider';
import { ErrorDetails } from './ErrorDetails';
import { describeError } from './error-message';
import { formatPlural } from './plural';
import {
  type CredentialFormProblem,
  type UseCredentialFormOptions,
  useCredentialFormParts,
} from './useCredentialForm';

type FormElementProps = Omit<
  ComponentPropsWithoutRef<'form'>,
  'onSubmit' | 'onError' | 'defaultValue' | 'children'
>;

export interface ApiKeyConnectFormRootProps extends UseCredentialFormOptions, FormElementProps {
  /** Focus the first field once the fields are ready (in a dialog, instead of its first button). */
  autoFocus?: boolean | undefined;
  children?: ReactNode;
}

/**
 * The `<form>` and the behaviour of `useCredentialForm`; its parts (`Field`, `Submit`, `Error`,
 * `Fields`) read it from context. While the field list loads or fails to, it shows that instead
 * of its children; after a success, which account is connected and a way to connect another.
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
    autoFocus,
    children,
    ...props
  },
  ref,
) {
  const parts = useCredentialFormParts({
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
  const { status, loadError, retryLoad, entries } = parts.fields;
  const { submitState, connectedWith, connectAnother } = parts.submission;
  const text = parts.messages;
  const app = parts.appName || text.appFallback;
  const connected = status === 'ready' && submitState === 'connected';
  const firstField = entries.find((entry) => !parts.focus.isOptional(entry.path))?.path;
  const { setFocus } = parts.form;
  useEffect(() => {
    if (autoFocus && status === 'ready' && firstField) setFocus(firstField);
  }, [autoFocus, status, firstField, setFocus]);
  return (
    <CredentialFormContext.Provider value={parts}>
      <form
        noValidate
        className="plugboard-form"
        data-state={status === 'ready' ? submitState : status}
        data-disabled={parts.disabled ? '' : undefined}
        aria-busy={status === 'loading' || submitState === 'submitting' || undefined}
        {...props}
        ref={ref}
        onSubmit={parts.submission.submit}
      >
        {/* Always rendered, so the news is announced when it appears; said here once, on top. */}
        <p role="status" className="plugboard-form__status">
          {connected ? formatMessage(text.formConnected, { app }) : null}
        </p>
        {status === 'loading' ? (
          <p role="status" className="plugboard-form__loading">
            {text.formLoading}
          </p>
        ) : status === 'error' ? (
          <div role="alert" className="plugboard-form__alert" data-state="failed">
            <p>
              {loadError
                ? describeError(loadError, { messages: text, appName: parts.appName, errorMessages })
                : text.formLoadFailed}
            </p>
            <button type="button" className="plugboard-form__button" onClick={retryLoad}>
              {text.retry}
            </button>
            {loadError ? <ErrorDetails error={loadError} messages={text} /> : null}
          </div>
        ) : connected ? (
          // Not an empty form: which account is connected (the status above says so once), and what next.
          <div className="plugboard-form__success">
            {connectedWith.length > 0 ? (
              <p className="plugboard-form__account">
                {formatMessage(text.formConnectedAccount, { account: connectedWith.join(' · ') })}
              </p>
            ) : null}
            <button type="button" className="plugboard-form__button" onClick={connectAnother}>
              {text.formConnectAnother}
            </button>
          </div>
        ) : (
          children
        )}
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
    const { fields, focus, messages } = useCredentialFormContext('ApiKeyConnectForm.Fields');
    // `isOptional` goes by a path's first segment, so a top-level spec's own name answers for it.
    const required = fields.specs.filter((spec) => !focus.isOptional(spec.name));
    const optional = fields.specs.filter((spec) => focus.isOptional(spec.name));
    return (
      <div className="plugboard-form__fields" {...props} ref={ref}>
        {required.map((spec) => (
          <SpecFields key={spec.name} spec={spec} />
        ))}
        {optional.length > 0 ? (
          // A native disclosure: the browser gives its summary the keyboard and the expanded state.
          <details
            className="plugboard-form__more"
            open={focus.optionalOpen}
            onToggle={(event) => focus.setOptionalOpen(event.currentTarget.open)}
          >
            <summary className="plugboard-form__more-trigger">{messages.formMoreOptions}</summary>
            <div className="plugboard-form__more-content">
              {optional.map((spec) => (
                <SpecFields key={spec.name} spec={spec} />
              ))}
            </div>
          </details>
        ) : null}
      </div>
    );
  },
);

function SpecFields({ spec }: { spec: FieldSpec }) {
  const { focus } = useCredentialFormContext('ApiKeyConnectForm.Fields');
  if (!spec.fields?.length) return <ApiKeyConnectFormField name={spec.name} />;
  const descriptionId = `${focus.inputId(spec.name)}-description`;
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
  const { form, disabled: formDisabled, messages } = useCredentialFormContext('ApiKeyConnectForm.Submit');
  const { isSubmitting } = useFormState({ control: form.control });
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type="submit"
      className="plugboard-form__button plugboard-form__submit"
      data-state={isSubmitting ? 'submitting' : 'idle'}
      {...props}
      ref={ref}
      disabled={disabled || formDisabled || isSubmitting}
    >
      {children ?? (isSubmitting ? messages.formSubmitting : messages.formSubmit)}
    </Component>
  );
});

export interface ApiKeyConnectFormErrorProps extends ComponentPropsWithoutRef<'div'> {}

/**
 * The form-level alert: after a refused submit, a summary of the fields still to fix (each a link
 * that focuses the field), and the server's message, suggested fix and request id. Always in the
 * DOM, so screen readers announce what appears in it.
 */
const ErrorPart = forwardRef<HTMLDivElement, ApiKeyConnectFormErrorProps>(function ApiKeyConnectFormError(
  { children, ...props },
  ref,
) {
  const { submission, focus, messages, appName, form } = useCredentialFormContext('ApiKeyConnectForm.Error');
  const { errorMessages } = useConnectContext();
  const { error, formErrors } = submission;
  // A line goes once its field is fixed (re-checked as the user types): the summary never lists a
  // field that no longer has a problem, and is gone when none has.
  const { errors } = useFormState({ control: form.control });
  const problems = submission.problems?.filter((problem) => get(errors, problem.path) !== undefined);
  const { alertRef, inputId, focusField } = focus;
  const attach = useComposedRefs(alertRef, ref);
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
        // Nothing was sent: the form's own check lists what to fill in or fix.
        <p className="plugboard-form__alert-title">
          {formatPlural(messages, summaryWords(problems, errors, messages), problems.length)}
        </p>
      ) : null}
      {problems?.length ? (
        <ul>
          {problems.map((problem) => (
            <li key={problem.path}>
              <a
                href={`#${inputId(problem.path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(problem.path);
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

/**
 * "Fill in" when every field is empty, "Fix" when every one holds a wrong value, both for a mix.
 * Empty is what the form's check said: a field whose error is the required message.
 */
function summaryWords(
  problems: readonly CredentialFormProblem[],
  errors: FieldErrors,
  messages: { fieldRequired: string },
): 'formMissingSummary' | 'formInvalidSummary' | 'formMixedSummary' {
  const missing = problems.filter(
    (problem) =>
      (get(errors, problem.path) as FieldError | undefined)?.message ===
      formatMessage(messages.fieldRequired, { label: problem.label }),
  ).length;
  if (missing === problems.length) return 'formMissingSummary';
  return missing === 0 ? 'formInvalidSummary' : 'formMixedSummary';
}

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

// The parts as top-level names too: `ApiKeyConnectForm.Root` is a property of a client component,
// which a React Server Component cannot reach across the "use client" boundary (it is undefined
// there); `ApiKeyConnectFormRoot` is an export of its own, which it can.
export {
  ErrorPart as ApiKeyConnectFormError,
  Fields as ApiKeyConnectFormFields,
  Root as ApiKeyConnectFormRoot,
  Submit as ApiKeyConnectFormSubmit,
};
