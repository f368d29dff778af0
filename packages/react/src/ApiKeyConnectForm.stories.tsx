import { FIELD_CATALOG } from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ApiKeyConnectForm } from './ApiKeyConnectForm';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { de } from './locales/de';
import { InLocale } from './story-in-locale';
import { useStoryMessages } from './story-locale';
import { typeZendesk } from './story-zendesk';
import './styles.css';

/** A fresh in-process sandbox per story, scripted before the form first renders. */
function SandboxProvider({ script, children }: { script?: (sandbox: Sandbox) => void; children: ReactNode }) {
  const messages = useStoryMessages();
  const [value] = useState(() => {
    const sandbox = createSandbox();
    script?.(sandbox);
    return { sandbox, queryClient: createConnectQueryClient() };
  });
  return (
    <ConnectProvider backend={value.sandbox.backend} queryClient={value.queryClient} messages={messages}>
      {children}
    </ConnectProvider>
  );
}

const withSandbox =
  (script?: (sandbox: Sandbox) => void): Decorator =>
  (Story) => (
    <SandboxProvider script={script}>
      <Story />
    </SandboxProvider>
  );

const meta = {
  title: 'Forms/ApiKeyConnectForm',
  component: ApiKeyConnectForm,
  decorators: [withSandbox()],
  args: { authConfigId: 'ac_zendesk' },
} satisfies Meta<typeof ApiKeyConnectForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Zendesk: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeZendesk(canvas, 'zd_story_token_1');
    await userEvent.click(canvas.getByRole('button', { name: 'Show API token' }));
    await expect(canvas.getByLabelText(/^API token/)).toHaveAttribute('type', 'text');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    // A success state, not an empty form: which account is connected, and what next.
    await expect(await canvas.findByText('Zendesk connected.')).toBeVisible();
    await expect(canvas.getByText('Account: acme · ops@acme.test')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Connect another account' }));
    await expect(canvas.getByRole('textbox', { name: /^Subdomain/ })).toHaveValue('');
  },
};

export const Jira: Story = {
  args: { authConfigId: 'ac_jira' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: /^Site name/ })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: /^Email/ })).toBeVisible();
    await expect(canvas.getByLabelText(/^API token/)).toHaveAttribute('type', 'password');
  },
};

export const Shopify: Story = {
  args: { authConfigId: 'ac_shopify' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: /^Shop domain/ })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Show Admin API access token' })).toBeVisible();
  },
};

export const Stripe: Story = {
  args: { authConfigId: 'ac_stripe' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText(/^Secret key/), 'sk_test_story12345');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expect(await canvas.findByText('Stripe connected.')).toBeVisible();
  },
};

export const Vercel: Story = {
  args: { authConfigId: 'ac_vercel' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText(/^Access token/)).toHaveAttribute('type', 'password');
  },
};

/** Every key of `connection_data` the catalog knows, with the control its kind gets. */
export const EveryCatalogField: Story = {
  args: { authConfigId: 'ac_catalog', authScheme: 'API_KEY', fields: Object.keys(FIELD_CATALOG) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Authorised user' })).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'Long redirect URL' })).toBeVisible();
    const json = canvas.getByLabelText(/^Service account key \(JSON\)/);
    await userEvent.type(json, '{{"a": }');
    await userEvent.tab();
    await waitFor(() => expect(json).toHaveAttribute('aria-invalid', 'true'));
    await expect(json).toHaveAccessibleDescription(/line 1, column 7/);
  },
};

export const FieldError422: Story = {
  name: 'Error: 422 on a field',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeZendesk(canvas, 'short1');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    const key = canvas.getByLabelText(/^API token/);
    await waitFor(() => expect(key).toHaveAttribute('aria-invalid', 'true'));
    await expect(key).toHaveAccessibleDescription(/must be at least 8 characters/);
    await expect(canvas.getByRole('alert')).toHaveTextContent(/API token: must be at least 8 characters/);
  },
};

export const BadRequest400: Story = {
  name: 'Error: 400 on a field and on the form',
  decorators: [
    withSandbox((sandbox) =>
      sandbox.control.failNext({
        route: 'createConnectedAccount',
        status: 400,
        message: 'The workspace cannot be connected',
        errors: [
          'subdomain: no Zendesk workspace answers at this subdomain',
          'This workspace is on a plan without API access',
        ],
        suggested_fix: 'Check the subdomain, or upgrade the Zendesk plan.',
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeZendesk(canvas, 'zd_story_token_5');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    const subdomain = canvas.getByRole('textbox', { name: /^Subdomain/ });
    await waitFor(() => expect(subdomain).toHaveAttribute('aria-invalid', 'true'));
    await expect(subdomain).toHaveAccessibleDescription(/no Zendesk workspace answers/);
    await waitFor(() => expect(subdomain).toHaveFocus());
    const alert = canvas.getByRole('alert');
    // "The service refused", not "fill these in"; the rest of the refusal waits behind "Details".
    await expect(alert).toHaveTextContent(/^Zendesk refused 1 field:/);
    await userEvent.click(canvas.getByText('Details'));
    await expect(alert).toHaveTextContent('This workspace is on a plan without API access');
    await expect(alert).toHaveTextContent('Suggested fixCheck the subdomain, or upgrade the Zendesk plan.');
    await expect(alert).toHaveTextContent(/Request ID\s*req_\S+/);
    await expect(subdomain).toHaveValue('acme');
  },
};

/** The next create answers 500, with a message and a suggested fix for the Details. */
const failNextCreate = withSandbox((sandbox) =>
  sandbox.control.failNext({
    route: 'createConnectedAccount',
    status: 500,
    message: 'The sandbox fell over',
    suggested_fix: 'Try again in a moment.',
  }),
);

export const ServerError500: Story = {
  name: 'Error: 500 with request id',
  decorators: [failNextCreate],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeZendesk(canvas, 'zd_story_token_2');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    const alert = canvas.getByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent("Couldn't connect to Zendesk right now. Try again in a few minutes."),
    );
    await userEvent.click(canvas.getByText('Details'));
    await expect(alert).toHaveTextContent(/Request ID\s*req_\S+/);
    await expect(alert).toHaveTextContent('Try again in a moment.');
    await expect(canvas.getByLabelText(/^API token/)).toHaveValue('zd_story_token_2');
  },
};

export const NetworkError: Story = {
  name: 'Error: network',
  decorators: [withSandbox((sandbox) => sandbox.control.dropNext({ route: 'createConnectedAccount' }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeZendesk(canvas, 'zd_story_token_3');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        "Couldn't connect to Zendesk. Check your internet connection and try again.",
      ),
    );
    await expect(canvas.getByRole('textbox', { name: /^Subdomain/ })).toHaveValue('acme');
  },
};

export const ValidateCredentialsRefused: Story = {
  name: 'Error: validate_credentials refused',
  args: { validateCredentials: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeZendesk(canvas, 'invalid-story-key');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(canvas.getByLabelText(/^API token/)).toHaveAccessibleDescription(/rejected this credential/),
    );
  },
};

export const ValidationErrors: Story = {
  name: 'Error: required fields on submit',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('textbox', { name: /^Subdomain/ });
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(canvas.getByRole('textbox', { name: /^Subdomain/ })).toHaveFocus());
    await expect(canvas.getByRole('alert')).toHaveTextContent('Fill in 3 fields before connecting:');
  },
};

export const WrongValue: Story = {
  name: 'Error: a wrong value on submit',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeZendesk(canvas, 'zd_story_token_5');
    const email = canvas.getByRole('textbox', { name: /^Email/ });
    await userEvent.clear(email);
    await userEvent.type(email, 'ops');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    // Nothing is empty: the summary asks for a fix, not for filling in.
    await expect(canvas.getByRole('alert')).toHaveTextContent('Fix 1 field before connecting:');
    await waitFor(() => expect(email).toHaveFocus());
  },
};

export const LoadFailed: Story = {
  name: 'Error: fields could not load',
  decorators: [withSandbox((sandbox) => sandbox.control.failNext({ route: 'getAuthConfig', status: 500 }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      "Couldn't connect to the service right now. Try again in a few minutes.",
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('textbox', { name: /^Subdomain/ })).toBeVisible();
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: /^Subdomain/ })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeDisabled();
  },
};

/** The story on a dark background of its own (`theme`: the kit's `data-theme` on it). */
const onDark =
  (style: CSSProperties, theme?: 'dark'): Decorator =>
  (Story) => (
    <div data-theme={theme} style={{ ...style, padding: '1rem' }}>
      <Story />
    </div>
  );

/** Submits empty, so the errors show too and axe checks their colours against the background. */
const showErrors: Story['play'] = async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await canvas.findByRole('textbox', { name: /^Subdomain/ });
  await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
  // In the summary (a link to the field) and under the field itself.
  for (const error of await canvas.findAllByText('Subdomain is required')) await expect(error).toBeVisible();
};

export const DarkTheme: Story = {
  decorators: [onDark({ background: 'var(--plugboard-color-surface)' }, 'dark')],
  play: showErrors,
};

/**
 * No `data-theme`: a part of the page that declares `color-scheme: dark` (on the system's dark
 * canvas) gets the kit's dark colours, by light-dark(), whatever the OS says. (Story tests cannot
 * emulate the OS scheme; e2e/form.spec.ts checks a page without a theme with the OS in dark.)
 */
export const DarkColorScheme: Story = {
  decorators: [onDark({ colorScheme: 'dark', background: 'Canvas' })],
  play: showErrors,
};

/** The compound parts in a layout of your own. */
export const CustomLayout: Story = {
  args: {
    authConfigId: 'ac_zendesk',
    appName: 'Zendesk',
    fields: [{ name: 'subdomain', required: true }, 'email', 'api_key'],
  },
  render: (args) => (
    <ApiKeyConnectForm.Root {...args}>
      <ApiKeyConnectForm.Field name="api_key" />
      <ApiKeyConnectForm.Field name="subdomain" />
      <ApiKeyConnectForm.Field name="email" />
      <ApiKeyConnectForm.Error />
      <ApiKeyConnectForm.Submit>Save credentials</ApiKeyConnectForm.Submit>
    </ApiKeyConnectForm.Root>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const save = canvas.getByRole('button', { name: 'Save credentials' });
    await userEvent.click(save);
    // One field: the plural rules pick the singular.
    await expect(canvas.getByRole('alert')).toHaveTextContent('Fill in 1 field before connecting:');
    const subdomain = canvas.getByRole('textbox', { name: /^Subdomain/ });
    await waitFor(() => expect(subdomain).toHaveFocus());
    await userEvent.type(subdomain, 'acme');
    await userEvent.type(canvas.getByRole('textbox', { name: /^Email/ }), 'ops@acme.test');
    await userEvent.type(canvas.getByLabelText(/^API key/), 'zd_story_token_4');
    await userEvent.click(save);
    await expect(await canvas.findByText('Zendesk connected.')).toBeVisible();
  },
};

/**
 * The German locale (`@plugboard/react/locales/de`): the catalog's labels and rules, the summary's
 * plural, then a refusal, in German.
 */
export const German: Story = {
  decorators: [failNextCreate],
  render: (args) => (
    <InLocale messages={de}>
      <ApiKeyConnectForm {...args} />
    </InLocale>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('textbox', { name: /^Subdomain/ });
    await userEvent.click(canvas.getByRole('button', { name: 'Verbinden' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent('Füllen Sie vor dem Verbinden 3 Felder aus:');
    await expect(canvas.getByRole('alert')).toHaveTextContent('Subdomain ist erforderlich');
    await userEvent.type(canvas.getByRole('textbox', { name: /^Subdomain/ }), 'acme');
    // The catalog's label and rule for the email field, in German (Zendesk's metadata says "Email").
    const email = canvas.getByRole('textbox', { name: /^E-Mail/ });
    await userEvent.type(email, 'ops');
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription(/Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein/),
    );
    await userEvent.type(email, '@acme.test');
    // The reveal button's German name starts with the field's label too ("API-Schlüssel anzeigen").
    await userEvent.type(canvas.getByLabelText(/^API-Schlüssel/, { selector: 'input' }), 'zd_story_token_de');
    await userEvent.click(canvas.getByRole('button', { name: 'Verbinden' }));
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        'Die Verbindung mit Zendesk ist gerade nicht möglich. Versuchen Sie es in ein paar Minuten erneut.',
      ),
    );
    await userEvent.click(canvas.getByText('Details'));
    await expect(canvas.getByRole('alert')).toHaveTextContent(/Anfrage-ID\s*req_\S+/);
    await expect(canvas.getByRole('button', { name: 'API-Schlüssel anzeigen' })).toBeVisible();
  },
};
