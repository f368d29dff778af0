import type { ConnectFlowSnapshot, ConnectFlowStatus, ConnectMode } from '@plugboard/core';
import { accountActions, ConnectAccountButton } from '@plugboard/react';
import { useId, useState } from 'react';
import { CredentialDialog } from './CredentialDialog';
import { StatusBadge } from './StatusBadge';
import {
  type CardStatus,
  connectKindOf,
  connectSummaryOf,
  type DemoAuthConfig,
  schemeLabel,
  shortNameOf,
} from './toolkits';

export interface IntegrationCardProps {
  config: DemoAuthConfig;
  /** This auth config's status as the backend reports it, attempts still open left out (see `settledCardStatusOf`). */
  status: CardStatus;
  mode: ConnectMode;
  /** An attempt started waiting, or a form was refused: read the accounts again. */
  onAccountsChanged: () => void;
  /** Something worth announcing to screen readers at page level, e.g. "Zendesk connected". */
  onAnnounce: (message: string) => void;
}

/**
 * Refetch when the flow starts waiting, so the list shows the new attempt as pending. When an
 * attempt ends the kit reads its lists again itself, and a cancel needs no read (the list stops
 * calling the attempt pending at once).
 */
const REFRESH_ON: ReadonlySet<ConnectFlowStatus> = new Set(['awaiting_user']);

/** The states in which the button shows a failure's sentence and its own "Details". */
const ERROR_SHOWN_IN: ReadonlySet<ConnectFlowStatus> = new Set(['failed', 'expired']);

function buttonLabel(flowStatus: ConnectFlowStatus, name: string, reconnect: boolean): string {
  switch (flowStatus) {
    case 'creating':
      return `Connecting ${name}…`;
    case 'awaiting_user':
      return `Waiting for ${name}…`;
    case 'verifying':
      return `Checking ${name}…`;
    case 'connected':
      return `${name} connected`;
    default:
      return reconnect ? `Reconnect ${name}` : `Connect ${name}`;
  }
}

/** One toolkit: its badge, name, auth scheme and status, and the way to connect it. */
export function IntegrationCard({
  config,
  status,
  mode,
  onAccountsChanged,
  onAnnounce,
}: IntegrationCardProps) {
  const titleId = useId();
  const name = shortNameOf(config.name);
  const kind = connectKindOf(config.auth_scheme);
  // The button's own state, which the card's badge and Details line defer to.
  const [{ status: flow, error: flowError }, setFlow] = useState<
    Pick<ConnectFlowSnapshot, 'status' | 'error'>
  >({
    status: 'idle',
    error: undefined,
  });
  // While the button shows a failure it has its own "Details" (message, request id): one per card.
  const buttonShowsError = flowError !== undefined && ERROR_SHOWN_IN.has(flow);
  // An OAuth card's button reads "GitHub connected" while the account is ACTIVE (the kit's account
  // actions), so a "Connected" badge beside it would say it a second time. "Pending" only while the
  // button waits on its attempt: one the user left (a cancel, Back from the provider, a reload)
  // still waits at the backend until its link expires, but nobody works on it.
  const badge =
    kind === 'oauth' && status === 'connected'
      ? null
      : flow === 'awaiting_user' || flow === 'verifying'
        ? 'pending'
        : status;
  return (
    <article className="demo-card" aria-labelledby={titleId} data-kind={kind}>
      <div className="demo-card__head">
        {/* The sandbox gives every toolkit a logo (its initials on a colour); a blank tile otherwise. */}
        {config.toolkit.logo ? (
          <img className="demo-card__logo" src={config.toolkit.logo} alt="" width={40} height={40} />
        ) : (
          <span className="demo-card__badge" aria-hidden="true" />
        )}
        <div className="demo-card__title">
          <h3 id={titleId}>{name}</h3>
          <p className="demo-card__scheme">{connectSummaryOf(config)}</p>
        </div>
        {badge === null ? null : <StatusBadge status={badge} />}
      </div>
      <div className="demo-card__actions">
        {kind === 'oauth' ? (
          <ConnectAccountButton
            authConfigId={config.id}
            appName={name}
            accountActions={accountActions}
            mode={mode}
            onStateChange={(snapshot: ConnectFlowSnapshot) => {
              if (REFRESH_ON.has(snapshot.status)) onAccountsChanged();
              setFlow(snapshot);
            }}
            // No page announcement here: the button's own status region says "GitHub connected" once.
          >
            {(connect) => buttonLabel(connect.status, name, connect.reconnect === true)}
          </ConnectAccountButton>
        ) : kind === 'credentials' ? (
          <CredentialDialog
            authConfigId={config.id}
            name={name}
            triggerLabel={status === 'connected' ? `Reconnect ${name}` : `Connect ${name}`}
            // The kit reads its lists again once the form creates the account.
            onConnected={() => onAnnounce(`${name} connected.`)}
            onFailed={onAccountsChanged}
          />
        ) : (
          <p className="demo-card__note">Not available in this demo.</p>
        )}
      </div>
      {/* The developer's leftovers (the auth config's id and full name, why a scheme is missing), unless the
          button's error Details already stands on the card. */}
      {buttonShowsError ? null : (
        <details className="demo-card__details">
          <summary>Details</summary>
          <p>
            Auth config <code>{config.id}</code>
            {config.name === name ? null : <>, named “{config.name}”</>}
          </p>
          {kind === 'unsupported' ? (
            <p>{schemeLabel(config.auth_scheme)} is not emulated by the sandbox; connecting answers 501.</p>
          ) : null}
        </details>
      )}
    </article>
  );
}
