// Done-means check for what an end user reads: every story of the kit, run with its play
// function in the default locale and rendered in the German one (the `locale` global of
// .storybook/preview.tsx). Outside the "Details" disclosure no text may carry the developer's
// layer (an HTTP method, an API path, a wire-format field, an HTTP status, "the user"), and in
// German no default English string of the kit may be left.
import { readFileSync } from 'node:fs';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { act, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import preview from '../../../.storybook/preview';
import { defaultSpecPath } from '../../sandbox/src/testing/spec-oracle';
import * as formStories from './ApiKeyConnectForm.stories';
import * as accountButtonStories from './ConnectAccountButton.accounts.stories';
import * as buttonStories from './ConnectAccountButton.stories';
import * as listStories from './ConnectedAccountList.stories';
import { de } from './locales/de';
import { defaultMessages, type Messages } from './messages';
import * as toleranceStories from './Tolerance.stories';

const FILES = {
  ApiKeyConnectForm: formStories,
  ConnectAccountButton: buttonStories,
  'ConnectAccountButton.accounts': accountButtonStories,
  ConnectedAccountList: listStories,
  Tolerance: toleranceStories,
};

/** Every snake_case property name of Composio's v3 wire format, from its OpenAPI spec. */
function wireFields(): Set<string> {
  const names = new Set<string>(['errors[]']);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value && typeof value === 'object') {
          for (const name of Object.keys(value)) if (name.includes('_')) names.add(name);
        }
        walk(value);
      }
    }
  };
  walk(JSON.parse(readFileSync(defaultSpecPath(), 'utf8')));
  return names;
}

/** The strings an end user reads in `root`: text, labels, placeholders, titles, outside "Details". */
export function readableText(root: Element): string[] {
  const copy = root.cloneNode(true) as Element;
  for (const summary of copy.querySelectorAll('details > summary')) {
    if (summary.textContent?.trim() !== defaultMessages.errorDetails) continue;
    for (const part of [...(summary.parentElement?.children ?? [])]) if (part !== summary) part.remove();
  }
  const strings: string[] = [];
  const walker = copy.ownerDocument.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('script, style')) continue;
    const text = node.textContent?.replace(/\s+/g, ' ').trim();
    if (text) strings.push(text);
  }
  for (const element of copy.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = element.getAttribute(name)?.trim();
      if (value) strings.push(value);
    }
  }
  // A whole block's text too, so a sentence split over elements is read as the user reads it.
  strings.push((copy.textContent ?? '').replace(/\s+/g, ' ').trim());
  return strings;
}

const DEVELOPER_WORDS: readonly [string, RegExp][] = [
  ['an HTTP method', /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/],
  ['an API path', /\/api\/|\/v3(?:\.\d)?\/|\/connected_accounts|\/auth_configs|\/link\b/],
  ['an HTTP status', /\b(?:HTTP ?)?[45]\d\d\b|\bHTTP\b/],
  ['"the user"', /\bthe user\b/i],
];

export function developerWords(strings: readonly string[], fields: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const text of strings) {
    for (const [what, pattern] of DEVELOPER_WORDS) {
      const match = pattern.exec(text);
      if (match) found.add(`${what} "${match[0]}" in "${text}"`);
    }
    for (const word of text.split(/[^A-Za-z0-9_[\]]+/)) {
      if (fields.has(word)) found.add(`the wire field "${word}" in "${text}"`);
    }
  }
  return [...found];
}

/**
 * The kit's English defaults, each as a pattern with its placeholders ({app}, {count}…) open.
 * A sentence (two words or more) must appear nowhere; a one-word label ("Cancel") must not be a
 * whole string on its own (a story's own label such as "Connect GitHub" is the app's, not the kit's).
 */
function englishDefaults(translation: Messages): RegExp[] {
  const patterns: RegExp[] = [];
  for (const [key, english] of Object.entries(defaultMessages)) {
    // `appFallback` only ever stands inside another message.
    if (key === 'locale' || key === 'appFallback' || typeof english !== 'string') continue;
    if (english === translation[key as keyof Messages]) continue;
    const body = english
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+?');
    // Mostly placeholder ("e.g. {example}") or one word ("Cancel"): only a whole string is the kit's.
    const literal = english.replace(/\{[^}]+\}/g, '').trim();
    const sentence = literal.includes(' ') && literal.length >= 8;
    patterns.push(sentence ? new RegExp(body) : new RegExp(`^${body}$`));
  }
  return patterns;
}

export function englishLeft(strings: readonly string[], translation: Messages): string[] {
  const patterns = englishDefaults(translation);
  const found = new Set<string>();
  for (const text of strings) {
    for (const pattern of patterns) if (pattern.test(text)) found.add(`${pattern} in "${text}"`);
  }
  return [...found];
}

type Composed = ComponentType & { load: () => Promise<void>; play?: (context: object) => Promise<void> };

/** Renders `story` (decorators and all) and runs its play function if `play`; what the user read throughout. */
async function runStory(story: Composed, play: boolean) {
  await story.load();
  const seen: string[] = [];
  const observer = new MutationObserver(() => seen.push(...readableText(document.body)));
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  try {
    const Story = story;
    const { container } = render(<Story />);
    if (play && story.play) await story.play({ canvasElement: container });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    seen.push(...readableText(document.body));
    return seen;
  } finally {
    observer.disconnect();
  }
}

let fields: Set<string>;
beforeAll(() => {
  setProjectAnnotations([preview]);
  fields = wireFields();
});

for (const [file, exports] of Object.entries(FILES)) {
  describe(file, () => {
    const english = Object.entries(composeStories(exports));
    const german = Object.fromEntries(
      Object.entries(composeStories(exports, { ...preview, initialGlobals: { locale: 'de' } })),
    );
    for (const [name, story] of english) {
      it(`${name}: no developer words outside Details, through its play function`, async () => {
        const seen = await runStory(story as Composed, true);
        expect(developerWords(seen, fields)).toEqual([]);
      });
      it(`${name}: renders in German with no default English left`, async () => {
        const seen = await runStory(german[name] as Composed, false);
        expect(seen.length).toBeGreaterThan(0);
        expect(englishLeft(seen, de)).toEqual([]);
        expect(developerWords(seen, fields)).toEqual([]);
      });
    }
  });
}
