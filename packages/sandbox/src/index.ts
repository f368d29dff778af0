export {
  type ControlAction,
  type ControlSnapshot,
  type LinkOutcome,
  parseControlAction,
  SANDBOX_ROUTES,
  type SandboxControl,
  type SandboxRoute,
  type ScriptedFailure,
} from './control';
export { checkFields, REFUSED_SECRET_WORDS, refusedCredentials } from './credential-rules';
export { SandboxHttpError } from './envelope';
export {
  type FieldRule,
  IMPLEMENTED_SCHEMES,
  SANDBOX_AUTH_CONFIGS,
  type SandboxAuthConfig,
  type SandboxField,
} from './fixtures/auth-configs';
export {
  createSandbox,
  MAX_BODY_BYTES,
  type Sandbox,
  type SandboxOptions,
  type SandboxPersistence,
} from './sandbox';
export { type AccountRecord, type LinkRecord, MASK, type StateSnapshot } from './state';
