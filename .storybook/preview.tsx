import type { Preview } from '@storybook/react-vite';
import { StoryLocaleContext, storyMessagesFor } from '../packages/react/src/story-locale';

const preview: Preview = {
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: "The kit's strings: its default English or a shipped locale",
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English (default)' },
          { value: 'de', title: 'Deutsch (@plugboard/react/locales/de)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (Story, { globals }) => (
      <StoryLocaleContext.Provider value={storyMessagesFor(globals.locale)}>
        <Story />
      </StoryLocaleContext.Provider>
    ),
  ],
};

export default preview;
