export * from './backend';
export * from './connect-error';
export * from './wire';
