import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type Ref,
  type RefCallback,
  useLayoutEffect,
  useRef,
} from 'react';

/**
 * Keeps a text control's value in step with the form without React's `value` prop. React mirrors
 * a controlled value into the `value` attribute (a textarea's text), where a DOM snapshot, a
 * session recorder or an `input[value^=…]` CSS selector can read it; a credential must not be there.
 */
export function useDomValue<E extends HTMLInputElement | HTMLTextAreaElement>(
  value: string,
  forwarded: Ref<E> | undefined,
): RefCallback<E> {
  const element = useRef<E | null>(null);
  const forwardedRef = useRef(forwarded);
  forwardedRef.current = forwarded;
  useLayoutEffect(() => {
    if (element.current && element.current.value !== value) element.current.value = value;
  }, [value]);
  const setRef = useRef<RefCallback<E>>((node) => {
    element.current = node;
    if (node && node.value !== valueRef.current) node.value = valueRef.current;
    const target = forwardedRef.current;
    if (typeof target === 'function') target(node);
    else if (target) (target as { current: E | null }).current = node;
  });
  const valueRef = useRef(value);
  valueRef.current = value;
  return setRef.current;
}

export interface TextInputProps
  extends Omit<ComponentPropsWithoutRef<'input'>, 'value' | 'defaultValue' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
}

/** A single-line input for text, URL, email and number fields, with the keyboard the kind needs. */
export const TextInput = forwardRef<HTMLInputElement, TextInputProps>(function TextInput(
  { value, onValueChange, ...props },
  ref,
) {
  const setRef = useDomValue(value, ref);
  return <input {...props} ref={setRef} onChange={(event) => onValueChange(event.currentTarget.value)} />;
});

export interface TextAreaProps
  extends Omit<ComponentPropsWithoutRef<'textarea'>, 'value' | 'defaultValue' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
}

/** A multi-line field (a private key, a JSON credentials file). */
export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea(
  { value, onValueChange, ...props },
  ref,
) {
  const setRef = useDomValue(value, ref);
  return <textarea {...props} ref={setRef} onChange={(event) => onValueChange(event.currentTarget.value)} />;
});
