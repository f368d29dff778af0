/**
 * Every string the kit shows, in one object. Pass a partial override to `ConnectProvider`'s
 * `messages` to translate or rephrase; what you leave out keeps its default.
 */
export const defaultMessages = {
  errorRequestId: 'Request ID',
  errorSuggestedFix: 'Suggested fix',
  retry: 'Try again',
};

export type Messages = typeof defaultMessages;
