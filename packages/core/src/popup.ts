/**
 * The popup window a connect attempt runs in. Only what the flow needs from a `Window`, so a
 * unit test can pass a plain object, and a window that COOP severed (where `closed` may lie)
 * is handled by the caller, not here.
 */
export interface PopupHandle {
  /** May read `true` early when Cross-Origin-Opener-Policy severs the window: treat as a hint. */
  readonly closed: boolean;
  /** Sends the window to `url` (an http(s) URL the caller has checked). */
  navigate(url: string): void;
  close(): void;
  /** Brings the window to the front (Open again while it is still open). */
  focus?(): void;
}

/** The colours of the placeholder page; by default the app's own (see `openerTheme`). */
export interface PopupTheme {
  background?: string | undefined;
  color?: string | undefined;
  accent?: string | undefined;
  /** `light` or `dark`: the browser's own parts (scrollbars, the button) follow it. */
  colorScheme?: string | undefined;
}

export interface PopupPlaceholder {
  /** The window name: one reused window per app, so a second attempt does not stack windows. */
  name?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  /** What the placeholder page says while the link session is being created ("Connecting to GitHub…"). */
  title?: string | undefined;
  text?: string | undefined;
  /** The label of the page's cancel link; without it (or `onCancel`) the page has none. */
  cancelText?: string | undefined;
  /** What the cancel link does: the flow passes its own `cancel()`. */
  onCancel?: (() => void) | undefined;
  /** Overrides the colours read from the opening page. */
  theme?: PopupTheme | undefined;
}

/**
 * Calls `onClosed` once, the first time `popup.closed` reads true, checked every `everyMs` (default
 * 500); returns a stop. A hint only: COOP makes a window that is still open read closed.
 */
export function watchPopupClosed(
  popup: Pick<PopupHandle, 'closed'>,
  timers: {
    setTimeout: (callback: () => void, ms: number) => unknown;
    clearTimeout: (handle: unknown) => void;
  },
  everyMs: number | undefined,
  onClosed: () => void,
): () => void {
  let handle: unknown;
  const check = () => {
    handle = undefined;
    if (popup.closed) onClosed();
    else handle = timers.setTimeout(check, everyMs ?? 500);
  };
  handle = timers.setTimeout(check, everyMs ?? 500);
  return () => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
  };
}

export const POPUP_WIDTH = 500;
export const POPUP_HEIGHT = 700;

type ThemeSource = Partial<Pick<Window, 'document' | 'getComputedStyle' | 'matchMedia'>>;
type OpenerWindow = Pick<Window, 'open' | 'screenX' | 'screenY' | 'outerWidth' | 'outerHeight'> & ThemeSource;

/**
 * The app's theme as the kit's stylesheet sets it on the opening page's root element
 * (`--plugboard-color-*`, `data-theme`, `color-scheme`); empty where it cannot be read.
 */
export function openerTheme(opener: ThemeSource): PopupTheme {
  return (
    quietly(() => {
      const root = opener.document?.documentElement;
      if (!root || !opener.getComputedStyle) return undefined;
      const style = opener.getComputedStyle(root);
      const read = (name: string) => style.getPropertyValue(name).trim() || undefined;
      return {
        background: read('--plugboard-color-surface'),
        color: read('--plugboard-color-text'),
        accent: read('--plugboard-color-accent'),
        colorScheme: openerScheme(opener, root, read('color-scheme')),
      };
    }) ?? {}
  );
}

/**
 * Light or dark as the kit's stylesheet picks it on the opening page: `data-theme` (or the `dark` /
 * `plugboard-light` class), else the scheme the page declares (its CSS, else its `<meta
 * name="color-scheme">`), where `light dark` follows the system. The kit's colours may be
 * `light-dark()` values, which the placeholder resolves by the scheme given here.
 */
function openerScheme(opener: ThemeSource, root: HTMLElement, declared: string | undefined) {
  const chosen =
    root.dataset.theme ??
    (root.classList.contains('dark')
      ? 'dark'
      : root.classList.contains('plugboard-light')
        ? 'light'
        : undefined);
  if (chosen !== undefined) return chosen === 'light' || chosen === 'dark' ? chosen : undefined;
  const meta = opener.document?.querySelector('meta[name="color-scheme"]')?.getAttribute('content');
  const words = (declared && declared !== 'normal' ? declared : (meta ?? '')).split(/\s+/);
  if (!words.includes('dark')) return words.includes('light') ? 'light' : undefined;
  if (!words.includes('light')) return 'dark';
  return opener.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** `window.open` features for a window of `width`×`height` centred over `opener`. */
export function popupFeatures(opener: OpenerWindow, width = POPUP_WIDTH, height = POPUP_HEIGHT): string {
  const left = Math.max(0, Math.round(opener.screenX + (opener.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(opener.screenY + (opener.outerHeight - height) / 2));
  // No `noopener`: it makes `window.open` return null, and we need the handle to navigate it.
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}

/** `action()`, or `undefined` when it throws (a window COOP severed, or another origin's page). */
function quietly<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

/**
 * Opens a same-origin `about:blank` window showing a small progress page. It must run
 * synchronously inside the user's click — before any `await` — or the browser blocks it.
 * Returns `null` when the browser refused to open a window.
 */
export function openPopupPlaceholder(
  opener: OpenerWindow,
  placeholder: PopupPlaceholder = {},
): PopupHandle | null {
  const win = quietly(() =>
    opener.open(
      'about:blank',
      placeholder.name ?? 'plugboard-connect',
      popupFeatures(opener, placeholder.width, placeholder.height),
    ),
  );
  if (!win) return null;
  // A reused window may already show another origin's page; it is navigated soon anyway.
  quietly(() =>
    writePlaceholder(win.document, placeholder, { ...openerTheme(opener), ...placeholder.theme }),
  );
  return {
    // A severed window's `closed` may throw: it is open as far as the flow can tell.
    get closed() {
      return quietly(() => win.closed) ?? false;
    },
    navigate(url) {
      win.location.replace(url);
    },
    // A severed window cannot be focused or closed from here: the caller opens the link again, or
    // the user closes it.
    focus: () => quietly(() => win.focus()),
    close: () => quietly(() => win.close()),
  };
}

/**
 * Sets `name` to `value` through the CSSOM, over `fallback`: a value that is not one CSS value of
 * that property (`red;background-image:url(…)`) is dropped by the browser's parser, so the
 * fallback stays and nothing breaks out of the declaration.
 */
function paint(style: CSSStyleDeclaration, name: string, fallback: string, value: string | undefined): void {
  style.setProperty(name, fallback);
  if (value) style.setProperty(name, value);
}

function writePlaceholder(doc: Document, placeholder: PopupPlaceholder, theme: PopupTheme): void {
  const dark = theme.colorScheme === 'dark';
  const text = placeholder.text ?? placeholder.title ?? 'Connecting…';
  doc.title = placeholder.title ?? text;
  doc.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  const body = doc.body ?? doc.documentElement.appendChild(doc.createElement('body'));
  body.style.cssText =
    'margin:0;min-height:100vh;display:grid;place-content:center;gap:1rem;text-align:center;font:16px system-ui,sans-serif';
  paint(body.style, 'background', dark ? '#0f172a' : '#ffffff', theme.background);
  paint(body.style, 'color', dark ? '#e2e8f0' : '#0f172a', theme.color);
  const main = doc.createElement('main');
  const status = main.appendChild(doc.createElement('p'));
  status.setAttribute('role', 'status');
  status.textContent = text;
  const { cancelText, onCancel } = placeholder;
  if (cancelText && onCancel) {
    // A link's look, a button's meaning: it does something, it goes nowhere.
    const cancel = main.appendChild(doc.createElement('button'));
    cancel.type = 'button';
    cancel.textContent = cancelText;
    cancel.style.cssText =
      'font:inherit;background:none;border:0;padding:0.25rem;text-decoration:underline;cursor:pointer';
    paint(cancel.style, 'color', dark ? '#a5b4fc' : '#4338ca', theme.accent);
    cancel.addEventListener('click', () => onCancel());
  }
  body.replaceChildren(main);
}
