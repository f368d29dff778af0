// @plugboard/core/internal: helpers shared by the kit's own packages (@plugboard/react,
// @plugboard/server, @plugboard/sandbox). Not public API: names here may change in any release.
// Apps import from `@plugboard/core`.
export * from './bounded-fetch';
export * from './callback';
export * from './connect-flow-machine';
export * from './connect-flow-outcome';
export * from './credentials-schema';
export * from './credentials-schema-request';
export * from './envelope-error';
export * from './field-catalog';
export * from './field-rules';
export * from './field-spec';
export * from './field-toolkit';
export * from './format-message';
export * from './http-backend';
export * from './http-url';
export * from './json-error-position';
export * from './normalize';
export * from './pending-attempt';
export * from './poll-account';
export * from './popup';
export * from './read-body';
export * from './redact';
export * from './secret-fields';
export * from './wire';
export * from './wire-accounts';
