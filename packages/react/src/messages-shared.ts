/** Strings both the connect button and the form show (error detail, retry). */
export const defaultSharedMessages = {
  errorRequestId: 'Request ID',
  errorSuggestedFix: 'Suggested fix',
  retry: 'Try again',
};
