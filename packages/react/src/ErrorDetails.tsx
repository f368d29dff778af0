import type { ConnectError } from '@plugboard/core';
import { Collapsible } from 'radix-ui';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { cx } from './class-names';
import type { SharedMessages } from './messages-shared';

export interface ErrorDetailsProps extends ComponentPropsWithoutRef<'div'> {
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
 * sits outside it (see `describeError`).
 */
export const ErrorDetails = forwardRef<HTMLDivElement, ErrorDetailsProps>(function ErrorDetails(
  { error, messages, more = [], unstyled = false, className, ...props },
  ref,
) {
  return (
    <Collapsible.Root asChild>
      <div {...props} ref={ref} className={cx(unstyled ? undefined : 'plugboard-details', className)}>
        <Collapsible.Trigger type="button" className={unstyled ? undefined : 'plugboard-details__trigger'}>
          {messages.errorDetails}
        </Collapsible.Trigger>
        <Collapsible.Content asChild>
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
        </Collapsible.Content>
      </div>
    </Collapsible.Root>
  );
});
