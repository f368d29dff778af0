import { type ComponentPropsWithoutRef, forwardRef, useState } from 'react';
import { TextArea, TextInput } from './TextInput';

export interface SecretInputProps
  extends Omit<ComponentPropsWithoutRef<'input'>, 'value' | 'defaultValue' | 'onChange' | 'type'> {
  value: string;
  onValueChange: (value: string) => void;
  /** The reveal button's accessible name, e.g. "Show API key"; its pressed state says whether it shows. */
  revealLabel: string;
  /** Shown at first; later toggled by the button. */
  defaultRevealed?: boolean;
}

const secretTyping = {
  spellCheck: false,
  autoCapitalize: 'off',
  autoCorrect: 'off',
  // A password manager must not offer this site's password for another service's key.
  autoComplete: 'off',
} as const;

/** A masked credential input with an accessible reveal toggle (`aria-pressed`). */
export const SecretInput = forwardRef<HTMLInputElement, SecretInputProps>(function SecretInput(
  { revealLabel, defaultRevealed = false, className, ...props },
  ref,
) {
  const [revealed, setRevealed] = useState(defaultRevealed);
  return (
    <span className={className ?? 'plugboard-secret'} data-state={revealed ? 'revealed' : 'masked'}>
      <TextInput {...secretTyping} {...props} ref={ref} type={revealed ? 'text' : 'password'} />
      <RevealButton label={revealLabel} revealed={revealed} onToggle={setRevealed} controls={props.id} />
    </span>
  );
});

export interface SecretTextAreaProps
  extends Omit<ComponentPropsWithoutRef<'textarea'>, 'value' | 'defaultValue' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
  revealLabel: string;
  defaultRevealed?: boolean;
}

/**
 * A multi-line secret (a private key, a service-account JSON). A textarea cannot be masked the
 * way a password input is, so CSS blurs it until revealed (`data-masked`); its text is never an
 * attribute or a text node.
 */
export const SecretTextArea = forwardRef<HTMLTextAreaElement, SecretTextAreaProps>(function SecretTextArea(
  { revealLabel, defaultRevealed = false, className, ...props },
  ref,
) {
  const [revealed, setRevealed] = useState(defaultRevealed);
  return (
    <span
      className={className ?? 'plugboard-secret plugboard-secret--multiline'}
      data-state={revealed ? 'revealed' : 'masked'}
    >
      <TextArea {...secretTyping} {...props} ref={ref} data-masked={revealed ? undefined : ''} />
      <RevealButton label={revealLabel} revealed={revealed} onToggle={setRevealed} controls={props.id} />
    </span>
  );
});

function RevealButton(props: {
  label: string;
  revealed: boolean;
  onToggle: (revealed: boolean) => void;
  controls: string | undefined;
}) {
  return (
    <button
      type="button"
      className="plugboard-secret__toggle"
      aria-label={props.label}
      aria-pressed={props.revealed}
      aria-controls={props.controls}
      data-state={props.revealed ? 'on' : 'off'}
      onClick={() => props.onToggle(!props.revealed)}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="16"
        height="16"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
        <circle cx="12" cy="12" r="3" />
        {props.revealed ? null : <path d="M3 3l18 18" />}
      </svg>
    </button>
  );
}
