import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMessages } from './messages';

const sourceDir = import.meta.dirname;
/**
 * The component and hook code: everything but the messages themselves, locales, tests, stories and
 * the stories' helpers (`story-*`, which type what a user would, such as a subdomain).
 */
const codeFiles = readdirSync(sourceDir).filter(
  (name) => /\.tsx?$/.test(name) && !/^messages|^story-|\.(test|test-d|stories)\.tsx?$/.test(name),
);

/** The keys of default messages written out in `code`, as a string literal or JSX text. */
function inlineMessages(source: string): string[] {
  // Comments may quote a message to explain it; only code counts.
  const code = source
    // A list part's name in a developer error (`useAccountRow('Disconnect')`) is not user text.
    .replace(/\buse(?:AccountRow|ListSettings|ListData)\('\w+'\)/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '');
  return Object.entries(defaultMessages)
    .filter(([key]) => key !== 'locale' && key !== 'formProblem')
    .filter(([, text]) =>
      [`'${text}'`, `"${text}"`, `\`${text}\``, `>${text}<`].some((f) => code.includes(f)),
    )
    .map(([key]) => key);
}

describe('messages', () => {
  it('leaves no string of the default locale in component code', () => {
    expect(codeFiles).toContain('ConnectAccountButton.tsx');
    const offending = codeFiles.flatMap((name) =>
      inlineMessages(readFileSync(path.join(sourceDir, name), 'utf8')).map((key) => `${name}: ${key}`),
    );
    expect(offending).toEqual([]);
  });

  it('the check finds a message written inline, and not one quoted in a comment', () => {
    expect(inlineMessages(`<p>${defaultMessages.formLoading}</p>`)).toEqual(['formLoading']);
    expect(inlineMessages(`label = '${defaultMessages.retry}';`)).toEqual(['retry']);
    expect(inlineMessages(`// shows '${defaultMessages.retry}'`)).toEqual([]);
    expect(inlineMessages(`useAccountRow('${defaultMessages.accountReconnect}')`)).toEqual([]);
    expect(inlineMessages(`label = '${defaultMessages.accountReconnect}';`)).toEqual(['accountReconnect']);
  });
});
