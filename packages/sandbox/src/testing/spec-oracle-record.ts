// `node --import` (tsx --import) this module in a sandbox server process that an e2e suite starts:
// every sandbox response is recorded for the spec oracle (see ./spec-oracle-log.ts).
import { recordSandboxResponses } from './spec-oracle-log';

recordSandboxResponses();
