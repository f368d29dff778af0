import {
  type ConnectCallbackResult,
  handleConnectCallback,
  isRedirectCallback,
  notifyConnectOpener,
} from '@plugboard/core';
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from 'react';
import { useConnectContext } from './ConnectProvider';
import { cx } from './class-names';
import { ErrorDetails } from './ErrorDetails';
import { describeError } from './error-message';
import { defaultConnectMessages, STATUS_MESSAGE } from './messages-connect';

export interface ConnectCallbackProps extends ComponentPropsWithoutRef<'div'> {
  /** The URL the provider returned to; defaults to `location.href`. */
  url?: string | undefined;
  /** Called with the verified outcome of a full-page redirect, before navigating back. */
  onResult?: ((result: ConnectCallbackResult) => void) | undefined;
  /** How to go back after a redirect; default `location.replace`. A function that does nothing stays on the page. */
  navigate?: ((returnPath: string) => void) | undefined;
  unstyled?: boolean | undefined;
}

type CallbackView =
  | { kind: 'working' }
  | { kind: 'popup_done' }
  /** Opened directly: the URL carries no attempt, so there is nothing to finish here. */
  | { kind: 'nothing_pending' }
  | { kind: 'redirect_done'; result: ConnectCallbackResult };

/**
 * The page a provider returns to (`callbackUrl`). In a popup it tells the opening page which
 * attempt came back and closes itself; after a full-page redirect it asks the backend how the
 * connection ended and sends the user back to where they started.
 *
 * @example
 * // app/connect/callback/page.tsx
 * <ConnectProvider backend={backend}><ConnectCallback /></ConnectProvider>
 */
export const ConnectCallback = forwardRef<HTMLDivElement, ConnectCallbackProps>(function ConnectCallback(
  { url, onResult, navigate, unstyled = false, className, ...divProps },
  ref,
) {
  const { backend, messages: overrides, errorMessages } = useConnectContext();
  const messages = { ...defaultConnectMessages, ...overrides };
  const [view, setView] = useState<CallbackView>({ kind: 'working' });
  // Read when the check ends: inline callbacks must not re-run it (the attempt is gone by then).
  const callbacks = useRef({ onResult, navigate });
  callbacks.current = { onResult, navigate };

  useEffect(() => {
    const href = url ?? window.location.href;
    if (!isRedirectCallback(href)) {
      // A popup's callback: the opener verifies with the backend; this page only relays, and so
      // never claims the connection is done.
      if (!notifyConnectOpener(href)) {
        setView({ kind: 'nothing_pending' });
        return;
      }
      setView({ kind: 'popup_done' });
      window.close();
      return;
    }
    const controller = new AbortController();
    handleConnectCallback(href, { backend, signal: controller.signal }).then(
      (result) => {
        if (controller.signal.aborted) return;
        setView({ kind: 'redirect_done', result });
        const { onResult, navigate } = callbacks.current;
        onResult?.(result);
        const go = navigate ?? ((path: string) => window.location.replace(path));
        go(result.returnPath);
      },
      () => {
        // Aborted on unmount (or StrictMode's rehearsal); the pending attempt stays for the next run.
      },
    );
    return () => controller.abort();
  }, [url, backend]);

  return (
    <div
      ref={ref}
      {...divProps}
      className={cx(unstyled ? undefined : 'plugboard-callback', className)}
      data-state={view.kind === 'redirect_done' ? view.result.status : view.kind}
    >
      <p role="status">
        {view.kind === 'working'
          ? messages.callbackVerifying
          : view.kind === 'popup_done'
            ? messages.callbackDone
            : view.kind === 'nothing_pending'
              ? messages.callbackNothingPending
              : view.result.error
                ? describeError(view.result.error, { messages, errorMessages })
                : messages[STATUS_MESSAGE[view.result.status]]}
      </p>
      {view.kind === 'redirect_done' && view.result.error ? (
        <ErrorDetails error={view.result.error} messages={messages} unstyled={unstyled} />
      ) : null}
      {view.kind === 'redirect_done' ? <a href={view.result.returnPath}>{messages.callbackReturn}</a> : null}
      {view.kind === 'nothing_pending' ? <a href="/">{messages.callbackReturn}</a> : null}
    </div>
  );
});
