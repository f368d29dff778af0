import type { ConnectMode } from '@plugboard/core';
import { RadioGroup } from 'radix-ui';
import { useId } from 'react';
import type { Theme } from './theme';

export interface SettingOption<T extends string> {
  value: T;
  label: string;
}

/** Light or dark: the kit's CSS variables switch with `data-theme` on the root element. */
export const THEMES: readonly SettingOption<Theme>[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** How OAuth buttons open the provider: a popup, a full-page redirect, or a popup that falls back. */
export const MODES: readonly SettingOption<ConnectMode>[] = [
  { value: 'popup', label: 'Popup' },
  { value: 'redirect', label: 'Redirect' },
  { value: 'auto', label: 'Auto' },
];

export interface SettingSwitchProps<T extends string> {
  /** What is chosen, e.g. "Theme": the group's visible label and its accessible name. */
  label: string;
  options: readonly SettingOption<T>[];
  value: T;
  onValueChange: (value: T) => void;
}

/**
 * One of a few options as a segmented control that is a radio group (Radix RadioGroup): one tab
 * stop, and an arrow key moves to the next option and chooses it, as radios do. (A toggle group's
 * items are radios too, but its arrow keys only move focus.)
 */
export function SettingSwitch<T extends string>({
  label,
  options,
  value,
  onValueChange,
}: SettingSwitchProps<T>) {
  const labelId = useId();
  return (
    <div className="demo-setting">
      <span className="demo-setting__label" id={labelId}>
        {label}
      </span>
      <RadioGroup.Root
        className="demo-segmented"
        aria-labelledby={labelId}
        orientation="horizontal"
        value={value}
        onValueChange={(next) => {
          const option = options.find((entry) => entry.value === next);
          if (option) onValueChange(option.value);
        }}
      >
        {options.map((option) => (
          <RadioGroup.Item key={option.value} value={option.value} className="demo-segmented__item">
            {option.label}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
    </div>
  );
}
