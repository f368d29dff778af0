/** Joins the class names (or ids, for `aria-describedby`) that are set; `undefined` when none is. */
export function cx(...names: Array<string | undefined>): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}
