import type { Ref } from 'react';

/** Hands `value` to a forwarded ref, whether a callback or an object: for components that need the node too. */
export function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}
