import { type ComponentPropsWithoutRef, forwardRef, useLayoutEffect, useRef } from 'react';
import { setRef } from './set-ref';

export interface TextInputProps
  extends Omit<ComponentPropsWithoutRef<'input'>, 'value' | 'defaultValue' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
  /** A `<textarea>` (a private key, a JSON file) instead of an `<input>`. */
  multiline?: boolean;
  rows?: number;
}

/**
 * A text control for text, URL, email, number and multi-line fields. It never passes React a
 * `value` prop: React mirrors a controlled value into the `value` attribute (a textarea's text),
 * where a DOM snapshot, a session recorder or an `input[value^=…]` CSS selector can read it, and a
 * credential must not be there. The DOM property is set instead.
 */
export const TextInput = forwardRef<HTMLInputElement & HTMLTextAreaElement, TextInputProps>(
  function TextInput({ value, onValueChange, multiline, ...props }, ref) {
    const element = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
    const valueRef = useRef(value);
    valueRef.current = value;
    const forwarded = useRef(ref);
    forwarded.current = ref;
    useLayoutEffect(() => {
      if (element.current && element.current.value !== value) element.current.value = value;
    }, [value]);
    // One ref callback for the element's life: a new one each render would detach and re-attach it.
    const attach = useRef((node: (HTMLInputElement & HTMLTextAreaElement) | null) => {
      element.current = node;
      if (node && node.value !== valueRef.current) node.value = valueRef.current;
      setRef(forwarded.current, node);
    }).current;
    const Element = multiline ? 'textarea' : 'input';
    return (
      <Element
        {...(props as ComponentPropsWithoutRef<'input'> & ComponentPropsWithoutRef<'textarea'>)}
        ref={attach}
        onChange={(event) => onValueChange(event.currentTarget.value)}
      />
    );
  },
);
