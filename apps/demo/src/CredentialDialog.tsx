import { ApiKeyConnectForm } from '@plugboard/react';
import { Dialog } from 'radix-ui';
import { useRef, useState } from 'react';

export interface CredentialDialogProps {
  authConfigId: string;
  /** The toolkit's name, for the trigger and the dialog's title. */
  name: string;
  /** What the trigger says, e.g. "Connect Zendesk". */
  triggerLabel: string;
  onConnected: () => void;
  onFailed: () => void;
}

/**
 * A credential toolkit's form in a modal dialog: Radix traps focus inside, closes on Escape, and
 * gives focus back to the trigger. The first field gets focus once the fields load (not the close
 * button), Cancel sits beside Connect, and the form closes the dialog once the account is created.
 */
export function CredentialDialog({
  authConfigId,
  name,
  triggerLabel,
  onConnected,
  onFailed,
}: CredentialDialogProps) {
  const [open, setOpen] = useState(false);
  const content = useRef<HTMLDivElement>(null);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="demo-button demo-button--primary">{triggerLabel}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="plugboard-dialog__overlay demo-dialog__overlay" />
        <Dialog.Content
          ref={content}
          className="plugboard-dialog demo-dialog"
          onOpenAutoFocus={(event) => {
            // The form's autoFocus focuses its first field (at once when the fields are cached);
            // until they load, focus waits on the dialog itself rather than on its close button.
            event.preventDefault();
            if (!content.current?.contains(document.activeElement)) content.current?.focus();
          }}
        >
          <div className="demo-dialog__header">
            <Dialog.Title className="demo-dialog__title">Connect {name}</Dialog.Title>
            <Dialog.Close className="demo-icon-button" aria-label="Close">
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
              </svg>
            </Dialog.Close>
          </div>
          <Dialog.Description className="demo-dialog__description">
            Your credentials go to this app's server, which creates the connection. They are never stored in
            this browser.
          </Dialog.Description>
          <ApiKeyConnectForm.Root
            authConfigId={authConfigId}
            appName={name}
            autoFocus
            // Try the credentials before saving them, as a product should: a refused key lands on its field.
            validateCredentials
            onSuccess={() => {
              setOpen(false);
              onConnected();
            }}
            onError={onFailed}
          >
            <ApiKeyConnectForm.Error />
            <ApiKeyConnectForm.Fields />
            <div className="demo-dialog__actions">
              <ApiKeyConnectForm.Submit />
              <Dialog.Close className="demo-button">Cancel</Dialog.Close>
            </div>
          </ApiKeyConnectForm.Root>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
