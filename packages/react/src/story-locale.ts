// For stories only (not exported by the package): the locale chosen in Storybook's toolbar
// (`globals.locale`, see .storybook/preview.tsx), handed to each story's own ConnectProvider.
import { createContext, useContext } from 'react';
import { de } from './locales/de';
import type { Messages } from './messages';

/** The locales a story can render in; `en` is the kit's default strings. */
export const STORY_LOCALES = { en: undefined, de } as const satisfies Record<string, Messages | undefined>;
export type StoryLocale = keyof typeof STORY_LOCALES;

export const StoryLocaleContext = createContext<Messages | undefined>(undefined);

/** The toolbar's locale's messages, for a story's `<ConnectProvider messages>`. */
export const useStoryMessages = (): Messages | undefined => useContext(StoryLocaleContext);

export const storyMessagesFor = (locale: unknown): Messages | undefined =>
  typeof locale === 'string' && locale in STORY_LOCALES ? STORY_LOCALES[locale as StoryLocale] : undefined;
