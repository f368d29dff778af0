/**
 * Strings the connect button, the form and the callback page all show: what went wrong, in the
 * user's words ({app} is the service's name), the "Details" disclosure and the retry.
 * Keys ending in `_one` / `_other` (… `_few`, `_many`) are plural forms chosen by
 * `Intl.PluralRules` for `locale`.
 */
export const defaultSharedMessages = {
  /** The BCP 47 language of these strings: plurals follow its rules. */
  locale: 'en',
  /** Stands in for {app} where no app name is known. */
  appFallback: 'the service',
  errorTimeout: 'Connecting to {app} took too long. Try again.',
  errorNetwork: "Couldn't connect to {app}. Check your internet connection and try again.",
  errorService: "Couldn't connect to {app} right now. Try again in a few minutes.",
  errorRateLimited: 'Too many attempts. Wait a minute, then try again.',
  errorMisconfigured: "This app can't connect to {app} right now. Please try again later.",
  errorSignIn: 'Sign in to this app, then connect {app} again.',
  errorNotFound: "That connection to {app} doesn't exist anymore. Start again.",
  errorDeclined: 'You declined access on {app}. Connect again to allow it.',
  errorRevoked: 'Access to {app} was removed. Connect again to restore it.',
  errorNotCompleted: "The connection to {app} wasn't completed. Try again.",
  errorExpired: 'That link expired. Start again.',
  errorPopupBlocked: 'Your browser blocked the window for {app}. Allow pop-ups for this site and try again.',
  errorPopupClosed: 'The window for {app} closed before you finished. Try again.',
  errorCancelled: 'The connection was cancelled.',
  errorCredentialsRefused: '{app} refused these credentials. Check them and try again.',
  errorUnknown: "Couldn't connect to {app}. Try again.",
  errorDetails: 'Details',
  errorDetailsMessage: 'Message',
  errorRequestId: 'Request ID',
  errorSuggestedFix: 'Suggested fix',
  retry: 'Try again',
};
export type SharedMessages = typeof defaultSharedMessages;
