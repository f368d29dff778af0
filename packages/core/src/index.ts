export * from './backend';
export * from './connect-error';
export * from './field-catalog';
export * from './http-backend';
export * from './normalize';
export * from './redact';
export * from './wire';
