import { formatMessage } from '@plugboard/core/internal';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useController } from 'react-hook-form';
import { useCredentialFormContext } from './ApiKeyConnectFormContext';
import { cx } from './class-names';
import { SecretInput } from './SecretInput';
import { TextInput } from './TextInput';

export interface ApiKeyConnectFormFieldProps extends ComponentPropsWithoutRef<'div'> {
  /** The field's path: its name, or `parent.name` for a nested field (`authed_user.scope`). */
  name: string;
}

// Secrets render a SecretInput, multi-line kinds a textarea: neither reads this table.
const inputKind = {
  text: { type: 'text' },
  url: { type: 'url', inputMode: 'url' },
  email: { type: 'email', inputMode: 'email', spellCheck: false, autoCapitalize: 'off' },
  // Not type=number: it drops what it cannot parse and changes on scroll; our schema reports instead.
  number: { type: 'text', inputMode: 'decimal' },
} as const;

/**
 * One field: label, the control its kind needs, help text and error, tied together with
 * `aria-describedby`. It subscribes to its own state only, so typing here re-renders nothing else.
 */
export const ApiKeyConnectFormField = forwardRef<HTMLDivElement, ApiKeyConnectFormFieldProps>(
  function ApiKeyConnectFormField({ name, ...props }, ref) {
    const { form, fields, focus, disabled, messages } = useCredentialFormContext('ApiKeyConnectForm.Field');
    const { field, fieldState } = useController({ name, control: form.control });
    const entry = fields.entry(name);
    if (!entry) throw new Error(`<ApiKeyConnectForm.Field name="${name}">: the form has no such field.`);
    const { spec } = entry;
    const id = focus.inputId(name);
    const descriptionId = `${id}-description`;
    const errorId = `${id}-error`;
    const error = fieldState.error?.message;
    const describedBy = cx(spec.description ? descriptionId : undefined, error ? errorId : undefined);
    const shared = {
      id,
      name,
      disabled,
      'aria-required': spec.required || undefined,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      onBlur: field.onBlur,
      ref: field.ref,
    };

    const multiline = spec.kind === 'multiline' || spec.kind === 'json';
    const text = {
      ...shared,
      value: typeof field.value === 'string' ? field.value : '',
      onValueChange: field.onChange,
      // "e.g. acme", in the placeholder's own style: an example, never mistaken for a value typed in.
      placeholder: spec.placeholder && formatMessage(messages.formPlaceholder, { example: spec.placeholder }),
      autoComplete: spec.autoComplete ?? 'off',
      multiline,
      rows: multiline ? 5 : undefined,
      'data-kind': spec.kind,
    };
    const control =
      spec.kind === 'boolean' ? (
        // A native checkbox: its own keyboard and label behaviour, restyled in styles.css.
        // react-hook-form's onChange reads a checkbox's `checked`.
        <input
          {...shared}
          type="checkbox"
          className="plugboard-form__checkbox"
          checked={field.value === true}
          onChange={field.onChange}
        />
      ) : spec.secret || spec.kind === 'secret' ? (
        <SecretInput {...text} revealLabel={formatMessage(messages.formShowSecret, { label: spec.label })} />
      ) : (
        <TextInput
          {...text}
          {...(multiline ? { spellCheck: false } : inputKind[spec.kind as keyof typeof inputKind])}
          className={multiline ? 'plugboard-form__textarea' : 'plugboard-form__input'}
        />
      );

    const label = (
      <label htmlFor={id} className="plugboard-form__label">
        {spec.label}
        {spec.required ? (
          <span className="plugboard-form__required" aria-hidden="true">
            {' *'}
          </span>
        ) : null}
      </label>
    );
    return (
      <div
        className="plugboard-form__field"
        data-kind={spec.kind}
        data-state={error ? 'invalid' : 'valid'}
        data-required={spec.required ? '' : undefined}
        data-disabled={disabled ? '' : undefined}
        {...props}
        ref={ref}
      >
        {spec.kind === 'boolean' ? (
          <span className="plugboard-form__checkbox-row">
            {control}
            {label}
          </span>
        ) : (
          <>
            {label}
            {control}
          </>
        )}
        {spec.description ? (
          <p id={descriptionId} className="plugboard-form__description">
            {spec.description}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} className="plugboard-form__error">
            {error}
          </p>
        ) : null}
      </div>
    );
  },
);
