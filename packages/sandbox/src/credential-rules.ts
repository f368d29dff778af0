import type { SandboxAuthConfig } from './fixtures/auth-configs';

/**
 * Words that make a secret fail `validate_credentials` (and the hosted form), anywhere in it, any
 * case. When a secret holds both, the first word here names the refusal.
 */
export const REFUSED_SECRET_WORDS = ['revoked', 'invalid'] as const;

const REFUSAL_MESSAGES: Record<(typeof REFUSED_SECRET_WORDS)[number], string> = {
  revoked: 'this credential has been revoked',
  invalid: 'the provider rejected this credential',
};

export interface FieldProblems {
  missing: string[];
  malformed: string[];
}

/**
 * The format rules of a config's fields over submitted values: a required field missing or blank,
 * a value that is not a string, or one that breaks the field's rule. Each entry is
 * `"<field>: <message>"`, the shape core's `fieldErrorsFromMessages` maps onto form fields.
 * With `partial`, missing fields are fine (a link session's prefill).
 */
export function checkFields(
  config: SandboxAuthConfig,
  values: Record<string, unknown>,
  options: { partial?: boolean } = {},
): FieldProblems {
  const missing: string[] = [];
  const malformed: string[] = [];
  for (const field of config.fields) {
    const value = values[field.name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (field.required && !options.partial) missing.push(`${field.name}: is required`);
      continue;
    }
    if (typeof value !== 'string') {
      malformed.push(`${field.name}: must be a string`);
      continue;
    }
    const rule = field.rule;
    if (rule === undefined) continue;
    const tooShort = rule.minLength !== undefined && value.length < rule.minLength;
    const noMatch = rule.pattern !== undefined && !rule.pattern.test(value);
    if (tooShort || noMatch) malformed.push(`${field.name}: ${rule.message}`);
  }
  return { missing, malformed };
}

/**
 * The sandbox's stand-in for asking the provider whether a credential works: a secret field whose
 * value contains one of `REFUSED_SECRET_WORDS` is refused. Returns `"<field>: <message>"` entries.
 */
export function refusedCredentials(config: SandboxAuthConfig, values: Record<string, unknown>): string[] {
  const refused: string[] = [];
  for (const field of config.fields) {
    const value = values[field.name];
    if (!field.is_secret || typeof value !== 'string') continue;
    const lower = value.toLowerCase();
    const word = REFUSED_SECRET_WORDS.find((refusedWord) => lower.includes(refusedWord));
    if (word !== undefined) refused.push(`${field.name}: ${REFUSAL_MESSAGES[word]}`);
  }
  return refused;
}
