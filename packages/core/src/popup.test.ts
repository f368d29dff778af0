import { describe, expect, it, vi } from 'vitest';
import {
  openerTheme,
  openPopupPlaceholder,
  POPUP_HEIGHT,
  POPUP_WIDTH,
  popupFeatures,
  watchPopupClosed,
} from './popup';

const opener = { screenX: 100, screenY: 50, outerWidth: 1300, outerHeight: 900, open: () => null };

describe('popupFeatures', () => {
  it('sizes the window and centres it over the opener', () => {
    expect(popupFeatures(opener)).toBe(
      `popup=yes,width=${POPUP_WIDTH},height=${POPUP_HEIGHT},left=500,top=150`,
    );
    expect(popupFeatures(opener, 400, 600)).toBe('popup=yes,width=400,height=600,left=550,top=200');
  });

  it('never places it off the left or top edge of the screen', () => {
    expect(popupFeatures({ ...opener, screenX: 0, screenY: 0, outerWidth: 300, outerHeight: 300 })).toMatch(
      /left=0,top=0$/,
    );
  });

  it('keeps the window handle: no noopener, which would make window.open return null', () => {
    expect(popupFeatures(opener)).not.toMatch(/noopener|noreferrer/);
  });
});

describe('openPopupPlaceholder', () => {
  it('opens one named same-origin window and shows the progress text as a status', () => {
    const doc = document.implementation.createHTMLDocument('');
    const popup = { document: doc, closed: false, close: vi.fn(), location: { replace: vi.fn() } };
    const open = vi.fn(() => popup as unknown as Window);
    const handle = openPopupPlaceholder({ ...opener, open }, { text: 'Opening GitHub…' });
    expect(open).toHaveBeenCalledWith('about:blank', 'plugboard-connect', popupFeatures(opener));
    expect(doc.querySelector('[role="status"]')?.textContent).toBe('Opening GitHub…');
    // The window's title says the same, so the user's taskbar names the service too.
    expect(doc.title).toBe('Opening GitHub…');
    handle?.navigate('https://provider.example/consent');
    expect(popup.location.replace).toHaveBeenCalledWith('https://provider.example/consent');
    handle?.close();
    expect(popup.close).toHaveBeenCalled();
  });

  it('focuses the window for Open again, and survives a window that refuses', () => {
    const popup = { document: document.implementation.createHTMLDocument(''), focus: vi.fn() };
    openPopupPlaceholder({ ...opener, open: () => popup as unknown as Window })?.focus?.();
    expect(popup.focus).toHaveBeenCalledOnce();
    popup.focus.mockImplementation(() => {
      throw new Error('severed');
    });
    const severed = openPopupPlaceholder({ ...opener, open: () => popup as unknown as Window });
    expect(() => severed?.focus?.()).not.toThrow();
  });

  it('is null when the browser blocks the window, whether open returns null or throws', () => {
    expect(openPopupPlaceholder({ ...opener, open: () => null })).toBeNull();
    expect(
      openPopupPlaceholder({
        ...opener,
        open: () => {
          throw new Error('blocked');
        },
      }),
    ).toBeNull();
  });

  it('reads a window whose closed cannot be read (severed) as still open', () => {
    const popup = {
      document: document.implementation.createHTMLDocument(''),
      get closed(): boolean {
        throw new Error('cross-origin');
      },
    };
    const handle = openPopupPlaceholder({ ...opener, open: () => popup as unknown as Window });
    expect(handle?.closed).toBe(false);
  });
});

/** An app page with the kit's variables on its root, as styles.css and `data-theme` set them. */
function appPage(theme: 'light' | 'dark', vars: Record<string, string>) {
  const doc = document.implementation.createHTMLDocument('app');
  doc.documentElement.dataset.theme = theme;
  for (const [name, value] of Object.entries(vars)) doc.documentElement.style.setProperty(name, value);
  return { document: doc, getComputedStyle: (element: Element) => window.getComputedStyle(element) };
}

function openedPage(placeholder: Parameters<typeof openPopupPlaceholder>[1], page = appPage('light', {})) {
  const doc = document.implementation.createHTMLDocument('');
  const popup = { document: doc, closed: false, close: vi.fn() };
  openPopupPlaceholder({ ...opener, ...page, open: () => popup as unknown as Window }, placeholder);
  // A document of its own has no window for Testing Library's role queries: plain selectors.
  return {
    body: doc.body,
    status: doc.querySelector('[role="status"]'),
    button: (name: string) =>
      [...doc.querySelectorAll('button')].find((button) => button.textContent === name) ?? null,
  };
}

describe('the placeholder page', () => {
  const dark = appPage('dark', {
    '--plugboard-color-surface': '#0f172a',
    '--plugboard-color-text': '#e2e8f0',
    '--plugboard-color-accent': '#a5b4fc',
  });

  it("reads the app page's theme from the kit's variables on its root", () => {
    expect(openerTheme(dark)).toEqual({
      background: '#0f172a',
      color: '#e2e8f0',
      accent: '#a5b4fc',
      colorScheme: 'dark',
    });
    expect(openerTheme({})).toEqual({});
  });

  it('reads light or dark as the kit picks it: a chosen theme, else the scheme the page declares', () => {
    const page = (setUp: (doc: Document) => void, osDark = false) => {
      const doc = document.implementation.createHTMLDocument('app');
      setUp(doc);
      return {
        document: doc,
        getComputedStyle: (element: Element) => window.getComputedStyle(element),
        matchMedia: (query: string) =>
          ({ matches: osDark && query === '(prefers-color-scheme: dark)' }) as MediaQueryList,
      };
    };
    const scheme = (value: string) => (doc: Document) =>
      doc.documentElement.style.setProperty('color-scheme', value);
    const meta = (content: string) => (doc: Document) => {
      const tag = doc.head.appendChild(doc.createElement('meta'));
      tag.name = 'color-scheme';
      tag.content = content;
    };
    const colorScheme = (source: ReturnType<typeof page>) => openerTheme(source).colorScheme;
    // Nothing declared: light, whatever the OS (the kit stays light there too).
    expect(colorScheme(page(() => {}, true))).toBeUndefined();
    expect(colorScheme(page(scheme('dark')))).toBe('dark');
    expect(colorScheme(page(scheme('light dark'), true))).toBe('dark');
    expect(colorScheme(page(scheme('light dark'), false))).toBe('light');
    expect(colorScheme(page(meta('light dark'), true))).toBe('dark');
    expect(colorScheme(page((doc) => doc.documentElement.classList.add('dark')))).toBe('dark');
    const lightChosen = (doc: Document) => {
      scheme('light dark')(doc);
      doc.documentElement.dataset.theme = 'light';
    };
    expect(colorScheme(page(lightChosen, true))).toBe('light');
  });

  it("follows the app's dark theme: its colours, and dark browser parts", () => {
    const page = openedPage({ text: 'Connecting to GitHub…' }, dark);
    const { body } = page;
    expect(body.style.background).toMatch(/#0f172a|rgb\(15, 23, 42\)/);
    expect(body.style.color).toMatch(/#e2e8f0|rgb\(226, 232, 240\)/);
    expect(body.ownerDocument.documentElement.style.colorScheme).toBe('dark');
  });

  it("takes an explicit theme over the page's, and no colour that could break out of the rule", () => {
    const page = openedPage(
      {
        text: 'x',
        theme: { background: 'red;background-image:url(https://evil.example)', color: 'rgb(1, 2, 3)' },
      },
      dark,
    );
    const { body } = page;
    expect(body.getAttribute('style')).not.toContain('evil');
    expect(body.style.background).toMatch(/#0f172a|rgb\(15, 23, 42\)/);
    expect(body.style.color).toBe('rgb(1, 2, 3)');
  });

  it("names the service and has a cancel link in the flow's words that cancels it", async () => {
    const onCancel = vi.fn();
    const page = openedPage({
      text: 'Verbindung mit GitHub wird hergestellt…',
      cancelText: 'Abbrechen',
      onCancel,
    });
    expect(page.status?.textContent).toBe('Verbindung mit GitHub wird hergestellt…');
    page.button('Abbrechen')?.click();
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('has no cancel link when the flow gives no words for it', () => {
    expect(openedPage({ text: 'x', onCancel: vi.fn() }).body.querySelector('button')).toBeNull();
  });
});

const timers = {
  setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

describe('watchPopupClosed', () => {
  it('tells once, at the first check that reads closed, and stops checking', () => {
    vi.useFakeTimers();
    try {
      const popup = { closed: false };
      const onClosed = vi.fn();
      watchPopupClosed(popup, timers, 500, onClosed);
      vi.advanceTimersByTime(1000);
      expect(onClosed).not.toHaveBeenCalled();
      popup.closed = true;
      vi.advanceTimersByTime(499);
      expect(onClosed).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onClosed).toHaveBeenCalledOnce();
      vi.advanceTimersByTime(10_000);
      expect(onClosed).toHaveBeenCalledOnce();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('checks nothing more once stopped', () => {
    vi.useFakeTimers();
    try {
      const onClosed = vi.fn();
      const stop = watchPopupClosed({ closed: true }, timers, 500, onClosed);
      stop();
      vi.advanceTimersByTime(10_000);
      expect(onClosed).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
