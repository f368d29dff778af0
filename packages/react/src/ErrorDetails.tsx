import type { ConnectError } from '@plugboard/core';
import { type ComponentPropsWithoutRef, forwardRef, useState } from 'react';
import { cx } from './class-names';
import type { SharedMessages } from './messages-shared';

export interface ErrorDetailsProps extends ComponentPropsWithoutRef<'details'> {
  error: ConnectError;
  /** The labels: "Details", "Message", "Suggested fix", "Request ID". */
  messages: Pick<
    SharedMessages,
    'errorDetails' | 'errorDetailsMessage' | 'errorSuggestedFix' | 'errorRequestId'
  >;
  /** Extra lines of the developer's detail (a refusal's `errors[]` that name no field). */
  more?: readonly string[] | undefined;
  unstyled?: boolean | undefined;
}

/**
 * The developer's layer of an error, closed by default behind a "Details" disclosure: the API's
 * own message, its suggested fix and the request id to quote to support. The user's sentence
 * sits outside it (see `describeError`). A native `<details>`: the browser gives it keyboard
 * and screen-reader support; its content is rendered only once it is opened, so the developer's
 * words are not on the page (nor in an alert's text) until someone asks for them.
 */
export const ErrorDetails = forwardRef<HTMLDetailsElement, ErrorDetailsProps>(function ErrorDetails(
  { error, messages, more = [], unstyled = false, className, onToggle, ...props },
  ref,
) {
  const [open, setOpen] = useState(props.open ?? false);
  return (
    <details
      {...props}
      ref={ref}
      className={cx(unstyled ? undefined : 'plugboard-details', className)}
      onToggle={(event) => {
        onToggle?.(event);
        setOpen(event.currentTarget.open);
      }}
    >
      <summary className={unstyled ? undefined : 'plugboard-details__trigger'}>
        {messages.errorDetails}
      </summary>
      {open ? (
        <dl className={unstyled ? undefined : 'plugboard-details__content'}>
          <dt>{messages.errorDetailsMessage}</dt>
          <dd>
            {error.message}
            {more.length > 0 ? (
              <ul>
                {more.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </dd>
          {error.suggestedFix ? (
            <>
              <dt>{messages.errorSuggestedFix}</dt>
              <dd>{error.suggestedFix}</dd>
            </>
          ) : null}
          {error.requestId ? (
            <>
              <dt>{messages.errorRequestId}</dt>
              <dd>
                <code>{error.requestId}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </details>
  );
});
