/**
 * The strings of `<ConnectedAccountList>` and of the account actions of `<ConnectAccountButton>`
 * ({app} is the app's name, {date} when the account was added, {reason} the error's plain sentence, as the button says it).
 */
export const defaultAccountMessages = {
  accountStateConnected: 'Connected',
  accountStateDisabled: 'Disabled',
  accountStatePending: 'Waiting for you to finish',
  accountStateAbandoned: 'Not finished',
  accountStateFailed: 'Failed',
  accountStateExpired: 'Expired',
  accountAddedAt: 'Added {date}',
  accountDisconnect: 'Disconnect',
  accountDisconnectLabel: 'Disconnect {app}',
  accountDisconnectTitle: 'Disconnect {app}?',
  accountDisconnectDescription:
    'This app will no longer reach your {app} account. You can connect it again later.',
  accountDisconnectConfirm: 'Disconnect',
  accountDisconnectCancel: 'Keep it',
  accountRemove: 'Remove',
  accountRemoveLabel: 'Remove {app}',
  accountDisable: 'Disable',
  accountDisableLabel: 'Disable {app}',
  accountEnable: 'Enable',
  accountEnableLabel: 'Enable {app}',
  accountReconnect: 'Reconnect',
  accountReconnectLabel: 'Reconnect {app}',
  accountReconnectOpenAgain: 'Open again',
  accountReconnectOpenAgainLabel: 'Open the {app} window again',
  accountReconnectCancel: 'Cancel',
  accountReconnectCancelLabel: 'Cancel reconnecting {app}',
  accountDisconnected: '{app} disconnected.',
  accountRemoved: '{app} removed.',
  accountDisabled: '{app} disabled.',
  accountEnabled: '{app} enabled.',
  accountReconnected: '{app} reconnected.',
  accountActionFailed: 'Could not change {app}. {reason}',
  accountListLoading: 'Loading your connections…',
  accountListFailed: 'Your connections could not be loaded. {reason}',
  accountListEmpty: 'No connected accounts yet.',
};
export type AccountMessages = typeof defaultAccountMessages;
