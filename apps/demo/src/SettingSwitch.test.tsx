import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { MODES, SettingSwitch } from './SettingSwitch';

function ModeSwitch() {
  const [mode, setMode] = useState<(typeof MODES)[number]['value']>('popup');
  return (
    <>
      <SettingSwitch label="OAuth opens in" options={MODES} value={mode} onValueChange={setMode} />
      <output>{mode}</output>
    </>
  );
}

/** An arrow key as a person presses it: down, the focus moves (Radix does it on a timer), then up. */
async function press(user: ReturnType<typeof userEvent.setup>, key: 'ArrowRight' | 'ArrowLeft') {
  const before = document.activeElement;
  await user.keyboard(`{${key}>}`);
  await waitFor(() => expect(document.activeElement).not.toBe(before));
  await user.keyboard(`{/${key}}`);
}

const checked = () =>
  screen
    .getAllByRole('radio')
    .filter((radio) => radio.getAttribute('aria-checked') === 'true')
    .map((radio) => radio.textContent);

describe('<SettingSwitch>: a radio group, as it is announced', () => {
  it('is one tab stop, and an arrow key moves to the next option and chooses it', async () => {
    render(<ModeSwitch />);
    const user = userEvent.setup();
    expect(screen.getByRole('radiogroup', { name: 'OAuth opens in' })).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Popup' }));
    await press(user, 'ArrowRight');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Redirect' }));
    expect(checked()).toEqual(['Redirect']);
    expect(screen.getByRole('status').textContent).toBe('redirect');
    await press(user, 'ArrowRight');
    expect(checked()).toEqual(['Auto']);
    await press(user, 'ArrowLeft');
    expect(checked()).toEqual(['Redirect']);
    expect(screen.getByRole('status').textContent).toBe('redirect');
    // Tab leaves the group: one stop, not three.
    await user.tab();
    expect(screen.getAllByRole('radio')).not.toContain(document.activeElement);
  });
});
