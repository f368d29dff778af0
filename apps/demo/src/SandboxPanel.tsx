import { Switch } from 'radix-ui';
import { useId, useState } from 'react';
import type { SandboxPanelAction, SandboxScripts } from './demo-api';
import { useSandboxAction, useSandboxScripts } from './demo-queries';

interface ToggleProps {
  label: string;
  hint: string;
  checked: boolean;
  disabled: boolean;
  onCheckedChange: (on: boolean) => void;
}

function SandboxToggle({ label, hint, checked, disabled, onCheckedChange }: ToggleProps) {
  const id = useId();
  return (
    <div className="demo-toggle">
      <div>
        <label htmlFor={id} className="demo-toggle__label">
          {label}
        </label>
        <p id={`${id}-hint`} className="demo-toggle__hint">
          {hint}
        </p>
      </div>
      <Switch.Root
        id={id}
        className="demo-switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onCheckedChange={onCheckedChange}
      >
        <Switch.Thumb className="demo-switch__thumb" />
      </Switch.Root>
    </div>
  );
}

type Switched = Extract<SandboxPanelAction, { on: boolean }>['action'];
type Pressed = Exclude<SandboxPanelAction['action'], Switched>;

/** The panel's switches: each turns one sandbox script on or off, and reads whether it is on. */
const TOGGLES: readonly {
  action: Switched;
  label: string;
  hint: string;
  isOn: (data: SandboxScripts) => boolean;
}[] = [
  {
    action: 'slowCreate',
    label: 'Slow connecting (3 s)',
    hint: 'Creating a link or an account waits 3 seconds.',
    isOn: (data) => (data.latency.createLinkSession ?? 0) > 0,
  },
  {
    action: 'denyConsent',
    label: 'Provider denies consent',
    hint: 'OAuth ends failed, as if the user pressed Deny.',
    isOn: (data) => data.denyConsent,
  },
  {
    action: 'expireLinks',
    label: 'Links expire at once',
    hint: 'Open and new link sessions expire immediately.',
    isOn: (data) => data.expireNewLinks,
  },
];

/** The panel's one-off actions. */
const BUTTONS: readonly { action: Pressed; label: string }[] = [
  { action: 'failNext', label: 'Fail next request (500)' },
  { action: 'expireAccounts', label: 'Expire my connections' },
  { action: 'reset', label: 'Reset sandbox' },
];

/** What each action announces. Arming a 500 says nothing here: the armed line below says it, once. */
const DONE: Record<SandboxPanelAction['action'], (on: boolean, result: SandboxScripts) => string> = {
  slowCreate: (on) => (on ? 'Connecting now takes 3 seconds.' : 'Connecting is fast again.'),
  denyConsent: (on) => (on ? 'The provider will deny consent.' : 'The provider will ask for consent again.'),
  expireLinks: (on) => (on ? 'Links now expire at once.' : 'Links last 10 minutes again.'),
  failNext: () => '',
  expireAccounts: (_, { expired = 0 }) =>
    expired === 0
      ? 'No connected account to expire.'
      : expired === 1
        ? 'One connection expired: reconnect it.'
        : `${expired} connections expired: reconnect them.`,
  reset: () => 'The sandbox was reset: every connection and script is gone.',
};

/**
 * Scripts the local sandbox so a visitor can see every state of the kit. DEV ONLY: it talks to
 * the demo server's `/api/demo/sandbox`, which exists in this demo and nowhere else.
 */
export function SandboxPanel() {
  const scripts = useSandboxScripts();
  const action = useSandboxAction();
  const [announcement, setAnnouncement] = useState('');
  // Controls stay enabled (and focused) while a request runs; a second press meanwhile is ignored.
  const run = (next: SandboxPanelAction) => {
    if (action.isPending) return;
    action.mutate(next, {
      onSuccess: (result) => setAnnouncement(DONE[next.action]('on' in next ? next.on : true, result)),
      onError: (error) => setAnnouncement(`The sandbox did not take it: ${error.message}`),
    });
  };
  const data = scripts.data;
  const busy = data === undefined;
  return (
    <div className="demo-panel">
      <p className="demo-panel__intro">
        Make the local sandbox misbehave to see every state. Only this demo has these controls.
      </p>
      {TOGGLES.map((toggle) => (
        <SandboxToggle
          key={toggle.action}
          label={toggle.label}
          hint={toggle.hint}
          checked={data ? toggle.isOn(data) : false}
          disabled={busy}
          onCheckedChange={(on) => run({ action: toggle.action, on })}
        />
      ))}
      <div className="demo-panel__buttons">
        {BUTTONS.map((button) => (
          <button
            key={button.action}
            type="button"
            className="demo-button"
            disabled={busy}
            onClick={() => run({ action: button.action })}
          >
            {button.label}
          </button>
        ))}
      </div>
      {/* The sandbox's own state (read again while armed), so it goes once a request used the 500. */}
      <p role="status" className="demo-panel__armed">
        {data && data.failures.length > 0 ? 'A 500 is armed for the next request.' : ''}
      </p>
      <p role="status" className="demo-panel__status">
        {announcement}
      </p>
      {scripts.error ? (
        <p role="alert" className="demo-empty--error">
          The sandbox controls are unavailable: {scripts.error.message}
        </p>
      ) : null}
    </div>
  );
}
