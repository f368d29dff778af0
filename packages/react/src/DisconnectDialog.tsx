import { formatMessage } from '@plugboard/core/internal';
import { AlertDialog } from 'radix-ui';
import { type ReactElement, useRef, useState } from 'react';
import type { AccountMessages } from './messages-accounts';

export interface DisconnectDialogProps {
  /** The element that opens the dialog (rendered through `AlertDialog.Trigger asChild`). */
  trigger: ReactElement;
  /** The app's name, in the title and the description. */
  appName: string;
  messages: AccountMessages;
  /** Runs when the user confirms; the dialog closes at once (the change is optimistic). */
  onConfirm: () => void;
  /**
   * Where focus goes when the dialog closes after a confirm, since the trigger leaves with the
   * account. Cancel and Escape return focus to the trigger, as Radix does.
   */
  focusAfterConfirm?: (() => HTMLElement | null | undefined) | undefined;
  unstyled?: boolean | undefined;
}

/**
 * Asks before an account is disconnected: a Radix AlertDialog (focus trapped, Escape and the
 * cancel button keep the account, the confirm button is not the default focus).
 */
export function DisconnectDialog({
  trigger,
  appName,
  messages,
  onConfirm,
  focusAfterConfirm,
  unstyled = false,
}: DisconnectDialogProps) {
  const [open, setOpen] = useState(false);
  // A ref, not state: Radix reads onCloseAutoFocus while the content unmounts, in the same commit.
  const confirmed = useRef(false);
  const fill = (template: string) => formatMessage(template, { app: appName });
  const className = (name: string) => (unstyled ? undefined : `plugboard-dialog${name}`);
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) confirmed.current = false;
      }}
    >
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={className('__overlay')} />
        <AlertDialog.Content
          className={className('')}
          onCloseAutoFocus={(event) => {
            const target = confirmed.current ? focusAfterConfirm?.() : undefined;
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
        >
          <AlertDialog.Title className={className('__title')}>
            {fill(messages.accountDisconnectTitle)}
          </AlertDialog.Title>
          <AlertDialog.Description className={className('__description')}>
            {fill(messages.accountDisconnectDescription)}
          </AlertDialog.Description>
          <div className={className('__actions')}>
            <AlertDialog.Cancel className={className('__cancel')}>
              {messages.accountDisconnectCancel}
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={className('__confirm')}
              onClick={() => {
                confirmed.current = true;
                onConfirm();
              }}
            >
              {messages.accountDisconnectConfirm}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
