import { ToggleGroup } from 'radix-ui';
import type { Theme } from './theme';

export interface ThemeSwitchProps {
  value: Theme;
  onValueChange: (theme: Theme) => void;
}

/** Light or dark: the kit's CSS variables switch with `data-theme` on the root element. */
export function ThemeSwitch({ value, onValueChange }: ThemeSwitchProps) {
  return (
    <div className="demo-setting">
      <span className="demo-setting__label" id="theme-label">
        Theme
      </span>
      <ToggleGroup.Root
        type="single"
        className="demo-segmented"
        aria-labelledby="theme-label"
        value={value}
        // A single toggle group can be emptied by pressing the active item; a theme is always chosen.
        onValueChange={(next) => {
          if (next === 'light' || next === 'dark') onValueChange(next);
        }}
      >
        <ToggleGroup.Item value="light" className="demo-segmented__item">
          Light
        </ToggleGroup.Item>
        <ToggleGroup.Item value="dark" className="demo-segmented__item">
          Dark
        </ToggleGroup.Item>
      </ToggleGroup.Root>
    </div>
  );
}
