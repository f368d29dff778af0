import type { ConnectMode } from '@plugboard/core';
import { ToggleGroup } from 'radix-ui';

export interface ModeSwitchProps {
  value: ConnectMode;
  onValueChange: (mode: ConnectMode) => void;
}

const MODES: { value: ConnectMode; label: string }[] = [
  { value: 'popup', label: 'Popup' },
  { value: 'redirect', label: 'Redirect' },
  { value: 'auto', label: 'Auto' },
];

/** How OAuth buttons open the provider: a popup, a full-page redirect, or a popup that falls back. */
export function ModeSwitch({ value, onValueChange }: ModeSwitchProps) {
  return (
    <div className="demo-setting">
      <span className="demo-setting__label" id="mode-label">
        OAuth opens in
      </span>
      <ToggleGroup.Root
        type="single"
        className="demo-segmented"
        aria-labelledby="mode-label"
        value={value}
        onValueChange={(next) => {
          const mode = MODES.find((entry) => entry.value === next);
          if (mode) onValueChange(mode.value);
        }}
      >
        {MODES.map((mode) => (
          <ToggleGroup.Item key={mode.value} value={mode.value} className="demo-segmented__item">
            {mode.label}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
    </div>
  );
}
