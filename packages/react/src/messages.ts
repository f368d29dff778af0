import { defaultAccountMessages } from './messages-accounts';
import { defaultConnectMessages } from './messages-connect';
import type { FieldWords } from './messages-fields';
import { defaultFormMessages } from './messages-form';

/**
 * Every string the kit shows, in one object. Pass a partial override to `ConnectProvider`'s
 * `messages` to translate or rephrase; what you leave out keeps its default.
 *
 * Each component carries only its own defaults (`messages-connect.ts`, `messages-form.ts`) and
 * fills in the provider's overrides over them, so the button's bundle holds no form strings and
 * the form's none of the button's; this object is their union, for reference and for typing.
 */
export const defaultMessages = {
  ...defaultConnectMessages,
  ...defaultFormMessages,
  ...defaultAccountMessages,
};

/** Every message, and a field's words for any field name (`label.ticket_view`). */
export type Messages = typeof defaultMessages & FieldWords;
