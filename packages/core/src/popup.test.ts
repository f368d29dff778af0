import { describe, expect, it, vi } from 'vitest';
import { openPopupPlaceholder, POPUP_HEIGHT, POPUP_WIDTH, popupFeatures, watchPopupClosed } from './popup';

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
    expect(doc.title).toBe('Connecting…');
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
