/**
 * Fills `{name}` placeholders; unknown placeholders stay as written. Its own module, with no zod:
 * every component's text goes through it, and the button's bundle must not pull in the form's schema.
 *
 * @example formatMessage('{app} connected', { app: 'GitHub' }) // 'GitHub connected'
 */
export function formatMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    values[key] === undefined ? whole : String(values[key]),
  );
}
