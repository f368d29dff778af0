import type { FieldSpec } from '@plugboard/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CredentialForm } from './useCredentialValues';

/** Where a credential form puts focus, and its optional section that focus may need to open. */
export interface FieldFocus {
  /** Whether optional fields are shown (the default layout puts them in a "More options" section). */
  optionalOpen: boolean;
  setOptionalOpen: (open: boolean) => void;
  /** Whether a path belongs in the optional section (the form has required fields, this is not one). */
  isOptional: (path: string) => boolean;
  /** The DOM id of a field's control; the problem summary links to it. */
  inputId: (path: string) => string;
  /** Moves focus to a field, opening the optional section first if it is there. */
  focusField: (path: string) => void;
  /** Moves focus to the element given to `alertRef`. */
  focusAlert: () => void;
  /** Attach to the element that shows a refusal; it gets focus when no field is to blame. */
  alertRef: (element: HTMLElement | null) => void;
}

export function useFieldFocus(specs: readonly FieldSpec[], form: CredentialForm): FieldFocus {
  const [optionalOpen, setOptionalOpen] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<{ path: string } | { alert: true } | null>(null);
  const alertElement = useRef<HTMLElement | null>(null);
  const alertRef = useCallback((element: HTMLElement | null) => {
    alertElement.current = element;
  }, []);
  const baseId = useId();
  const inputId = useCallback((path: string) => `${baseId}-${path.replace(/[^\w-]/g, '_')}`, [baseId]);
  // Top-level specs that go in the optional section: none when every field is optional.
  const optionalNames = useMemo(() => {
    const isRequired = (spec: FieldSpec) => spec.required || !!spec.fields?.some((child) => child.required);
    return new Set(
      specs.some(isRequired) ? specs.filter((spec) => !isRequired(spec)).map((spec) => spec.name) : [],
    );
  }, [specs]);
  const isOptional = useCallback(
    (path: string) => optionalNames.has(path.split('.')[0] as string),
    [optionalNames],
  );
  const focusField = useCallback(
    (path: string) => {
      if (isOptional(path)) setOptionalOpen(true);
      setPendingFocus({ path });
    },
    [isOptional],
  );
  const focusAlert = useCallback(() => setPendingFocus({ alert: true }), []);
  // After the render that opened the section and showed the errors, so the field exists and is visible.
  useEffect(() => {
    if (!pendingFocus) return;
    if ('path' in pendingFocus) form.setFocus(pendingFocus.path);
    else alertElement.current?.focus();
    setPendingFocus(null);
  }, [pendingFocus, form]);
  return { optionalOpen, setOptionalOpen, isOptional, inputId, focusField, focusAlert, alertRef };
}
