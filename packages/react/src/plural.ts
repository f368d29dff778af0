import { formatMessage } from '@plugboard/core/internal';

/** The keys of `M` that have plural forms (`{base}_one`, `{base}_other`, …), by their base. */
export type PluralKey<M> = { [K in keyof M]: K extends `${infer Base}_other` ? Base : never }[keyof M];

/**
 * A plural message: the form `Intl.PluralRules` picks for `count` in `messages.locale`
 * (`{base}_one`, `_few`, `_many`, …), else `{base}_other`; `{count}` and `values` filled in.
 *
 * @example formatPlural(messages, 'formMissingSummary', 3) // "Fill in 3 fields before connecting:"
 */
export function formatPlural<M extends { locale: string }>(
  messages: M,
  base: PluralKey<M>,
  count: number,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const table = messages as unknown as Readonly<Record<string, unknown>>;
  const form = new Intl.PluralRules(messages.locale).select(count);
  const chosen = table[`${base}_${form}`];
  const template = typeof chosen === 'string' ? chosen : String(table[`${base}_other`]);
  return formatMessage(template, { ...values, count: new Intl.NumberFormat(messages.locale).format(count) });
}
