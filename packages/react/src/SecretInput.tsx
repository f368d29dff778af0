import { forwardRef, useState } from 'react';
import { TextInput, type TextInputProps } from './TextInput';

export interface SecretInputProps extends Omit<TextInputProps, 'type'> {
  /** The reveal button's accessible name, e.g. "Show API key"; its `aria-pressed` says whether it shows. */
  revealLabel: string;
  defaultRevealed?: boolean;
}

/**
 * A masked credential with an accessible reveal toggle. Single-line: a password input. Multi-line
 * (a private key, a service-account JSON): a textarea cannot be masked, so CSS blurs it until
 * revealed (`data-masked`). No spellcheck, autocorrect or capitalisation; autocomplete off unless
 * given, so a password manager does not offer this site's password for another service's key.
 */
export const SecretInput = forwardRef<HTMLInputElement & HTMLTextAreaElement, SecretInputProps>(
  function SecretInput({ revealLabel, defaultRevealed = false, className, ...props }, ref) {
    const [revealed, setRevealed] = useState(defaultRevealed);
    return (
      <span className={className ?? 'plugboard-secret'} data-state={revealed ? 'revealed' : 'masked'}>
        <TextInput
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          {...props}
          ref={ref}
          type={props.multiline ? undefined : revealed ? 'text' : 'password'}
          data-masked={props.multiline && !revealed ? '' : undefined}
        />
        <button
          type="button"
          className="plugboard-secret__toggle"
          aria-label={revealLabel}
          aria-pressed={revealed}
          aria-controls={props.id}
          onClick={() => setRevealed(!revealed)}
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
            <path d={`M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z${revealed ? '' : 'M3 3l18 18'}`} />
            <circle cx="12" cy="12" r="3" />
          </svg>
        </button>
      </span>
    );
  },
);
