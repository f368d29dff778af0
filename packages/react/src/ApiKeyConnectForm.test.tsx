import type { ConnectBackend, CreatedConnectedAccount, FieldInput } from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiKeyConnectForm } from './ApiKeyConnectForm';
import { useCredentialFormContext } from './ApiKeyConnectFormContext';
import { ConnectedAccountList } from './ConnectedAccountList';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';

const ZENDESK_KEY = 'zd_Secret_Token_42';
let sandbox: Sandbox;

beforeEach(() => {
  sandbox = createSandbox();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The text of the elements named by `aria-describedby`, as a screen reader reads it after the name. */
function description(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function setup(ui: ReactNode, backend: ConnectBackend = sandbox.backend) {
  const queryClient = createConnectQueryClient();
  const user = userEvent.setup();
  const view = render(
    <ConnectProvider backend={backend} queryClient={queryClient}>
      {ui}
    </ConnectProvider>,
  );
  return { user, queryClient, ...view };
}

/** `formErrors` as a layout of your own reads it; the default alert shows it beside the error. */
function FormErrors() {
  const { formErrors } = useCredentialFormContext('FormErrors').submission;
  return (
    <ul aria-label="Form errors">
      {formErrors.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}

async function fillZendesk(user: ReturnType<typeof userEvent.setup>, key = ZENDESK_KEY) {
  await user.type(await screen.findByLabelText(/Subdomain/), 'acme');
  await user.type(screen.getByLabelText(/^Email/), 'ops@acme.test');
  await user.type(screen.getByLabelText(/^API token/), key);
}

describe('ApiKeyConnectForm, fields loaded from the backend', () => {
  it('renders Zendesk from its field metadata, each control by role and name', async () => {
    setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />);
    expect(screen.getAllByRole('status').map((el) => el.textContent)).toContain('Loading the fields…');
    const subdomain = await screen.findByRole('textbox', { name: /Subdomain/ });
    expect(subdomain.getAttribute('aria-required')).toBe('true');
    expect(description(subdomain)).toMatch(/acme for acme.zendesk.com/);
    // An example, not something that looks typed in already.
    expect(subdomain.getAttribute('placeholder')).toBe('e.g. acme');
    const email = screen.getByRole('textbox', { name: /^Email/ });
    expect(email.getAttribute('type')).toBe('email');
    const key = screen.getByLabelText(/^API token/);
    expect(key.getAttribute('type')).toBe('password');
    expect(key.getAttribute('autocomplete')).toBe('off');
    expect(key.getAttribute('spellcheck')).toBe('false');
    expect(key.getAttribute('autocapitalize')).toBe('off');
    const reveal = screen.getByRole('button', { name: 'Show API token' });
    expect(reveal.getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByRole('button', { name: 'Connect' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('reveals and hides a secret with the toggle, by keyboard', async () => {
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />);
    const key = await screen.findByLabelText(/^API token/);
    const reveal = screen.getByRole('button', { name: 'Show API token' });
    reveal.focus();
    await user.keyboard('{Enter}');
    expect(reveal.getAttribute('aria-pressed')).toBe('true');
    expect(key.getAttribute('type')).toBe('text');
    await user.keyboard(' ');
    expect(key.getAttribute('type')).toBe('password');
  });

  it('reports a backend that cannot list fields, accessibly', async () => {
    const { getAuthFields: _omitted, ...withoutFields } = sandbox.backend;
    setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />, withoutFields);
    const alert = await screen.findByRole('alert');
    // A backend without getAuthFields is the developer's to fix: the user reads one plain sentence.
    expect(alert.textContent).toMatch("This app can't connect to the service right now.");
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(alert.textContent).not.toMatch('pass `fields`');
  });
});

describe('ApiKeyConnectForm, validation', () => {
  it('on a refused submit, focuses the first invalid field and announces every error', async () => {
    const onSuccess = vi.fn();
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" onSuccess={onSuccess} />);
    await user.type(await screen.findByLabelText(/^Email/), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const subdomain = screen.getByRole('textbox', { name: /Subdomain/ });
    await waitFor(() => expect(document.activeElement).toBe(subdomain));
    expect(subdomain.getAttribute('aria-invalid')).toBe('true');
    expect(description(subdomain)).toMatch(/Subdomain is required/);
    const alert = screen.getByRole('alert');
    // Two empty, one wrong: the words say both.
    expect(alert.textContent).toMatch('Fill in or fix 3 fields before connecting:');
    // Each problem once; a message that names its field is not prefixed with the name again.
    expect(
      within(alert)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Subdomain is required',
      expect.stringMatching(/^Enter an email address/),
      'API token is required',
    ]);
    expect(within(alert).queryByText('Details')).toBeNull();
    await user.click(within(alert).getByRole('link', { name: /API token/ }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^API token/)));
    expect(onSuccess).not.toHaveBeenCalled();
    expect(sandbox.snapshot().accounts).toHaveLength(0);
  });

  it('the summary says "Fix" for a wrong value, "Fill in" for an empty one, as the field changes', async () => {
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />);
    await fillZendesk(user);
    const email = screen.getByLabelText(/^Email/);
    await user.clear(email);
    await user.type(email, 'ops');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toMatch(/^Fix 1 field before connecting:/));
    await user.clear(email);
    await waitFor(() => expect(alert.textContent).toMatch(/^Fill in 1 field before connecting:/));
    expect(sandbox.snapshot().accounts).toHaveLength(0);
  });

  it('the summary drops a field once it is fixed, and is gone when every field is', async () => {
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />);
    await screen.findByLabelText(/^Email/);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toMatch('Fill in 3 fields before connecting:'));
    await user.type(screen.getByRole('textbox', { name: /Subdomain/ }), 'acme');
    await waitFor(() => expect(alert.textContent).toMatch('Fill in 2 fields before connecting:'));
    expect(within(alert).queryByRole('link', { name: /Subdomain/ })).toBeNull();
    await user.type(screen.getByLabelText(/^Email/), 'ops@acme.test');
    await user.type(screen.getByLabelText(/^API token/), 'zd_summary_fixed_1');
    await waitFor(() => expect(alert.textContent).toBe(''));
  });

  it('validates a field on blur', async () => {
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />);
    const email = await screen.findByLabelText(/^Email/);
    await user.type(email, 'nope');
    expect(email.hasAttribute('aria-invalid')).toBe(false);
    await user.tab();
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(description(email)).toMatch(/Enter an email address/);
  });

  it('keeps optional fields in "More options" and opens it to focus an invalid one', async () => {
    const fields: FieldInput[] = [{ name: 'api_key', required: true }, 'base_url', 'region'];
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_stripe" fields={fields} />);
    // A native <details>: its <summary> is the toggle, the browser keeps it keyboard-operable.
    const more = screen.getByText('More options');
    const section = more.closest('details') as HTMLDetailsElement;
    expect(more.tagName).toBe('SUMMARY');
    expect(section.open).toBe(false);
    await user.click(more);
    expect(section.open).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Base URL' }), 'not a url');
    await user.click(more);
    expect(section.open).toBe(false);
    await user.type(screen.getByLabelText(/^API key/), 'sk_test_12345678');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const baseUrl = await screen.findByRole('textbox', { name: 'Base URL' });
    await waitFor(() => expect(document.activeElement).toBe(baseUrl));
    // Nothing typed is lost while the section was closed.
    expect((baseUrl as HTMLInputElement).value).toBe('not a url');
    expect(baseUrl.getAttribute('aria-invalid')).toBe('true');
  });

  it('says where a JSON field fails to parse', async () => {
    const { user } = setup(
      <ApiKeyConnectForm
        authConfigId="ac_x"
        authScheme="GOOGLE_SERVICE_ACCOUNT"
        fields={[{ name: 'credentials_json', required: true }]}
      />,
    );
    const json = screen.getByLabelText(/^Service account key \(JSON\)/);
    expect(json.tagName).toBe('TEXTAREA');
    await user.click(json);
    await user.paste('{\n  "type": "service_account",\n}');
    await user.tab();
    await waitFor(() => expect(description(json)).toMatch(/line 3, column 1/));
  });

  it('renders a boolean as a checkbox and authed_user as a fieldset', async () => {
    const fields: FieldInput[] = [
      { name: 'access_token', required: true },
      { name: 'long_redirect_url', kind: 'boolean', required: true },
      'authed_user',
    ];
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_slack" authScheme="OAUTH2" fields={fields} />);
    const checkbox = screen.getByRole('checkbox', { name: /Long redirect URL/i }) as HTMLInputElement;
    expect(checkbox.checked).toBe(false);
    await user.click(checkbox);
    expect(checkbox.checked).toBe(true);
    // Its label toggles it too, and the keyboard's space.
    await user.click(screen.getByText('Long redirect URL'));
    expect(checkbox.checked).toBe(false);
    await user.keyboard(' ');
    expect(checkbox.checked).toBe(true);
    await user.click(screen.getByText('More options'));
    const group = screen.getByRole('group', { name: 'Authorised user' });
    expect(
      within(group)
        .getByLabelText(/^User access token/)
        .getAttribute('type'),
    ).toBe('password');
  });
});

describe('ApiKeyConnectForm, submission', () => {
  it('creates the account with connection.state and validate_credentials, then clears the secrets', async () => {
    const sent: unknown[] = [];
    const backend: ConnectBackend = {
      ...sandbox.backend,
      createConnectedAccount: (input, options) => {
        sent.push(structuredClone(input));
        return sandbox.backend.createConnectedAccount(input, options);
      },
    };
    const onSuccess = vi.fn<(account: CreatedConnectedAccount) => void>();
    const { user } = setup(
      <ApiKeyConnectForm authConfigId="ac_zendesk" validateCredentials onSuccess={onSuccess} />,
      backend,
    );
    await fillZendesk(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledOnce());
    expect(sent).toEqual([
      {
        auth_config: { id: 'ac_zendesk' },
        connection: {
          state: {
            authScheme: 'API_KEY',
            val: { subdomain: 'acme', email: 'ops@acme.test', api_key: ZENDESK_KEY, status: 'ACTIVE' },
          },
        },
        validate_credentials: true,
      },
    ]);
    const account = onSuccess.mock.calls[0]?.[0];
    expect(account?.connectionData.val).toMatchObject({ subdomain: 'acme' });
    // The sandbox masks it itself; a server that echoes it is covered by redactCreatedAccount's tests.
    expect(JSON.stringify(account)).not.toContain(ZENDESK_KEY);
    expect(sandbox.snapshot().accounts).toHaveLength(1);
    // A success state, not an empty form: the news once (announced once), then which account, by
    // what was typed that is not a secret, and what next.
    expect(screen.getAllByRole('status').map((el) => el.textContent)).toEqual(['Zendesk connected.']);
    expect(screen.queryByLabelText(/^API token/)).toBeNull();
    const form = screen.getByRole('button', { name: 'Connect another account' }).closest('form');
    expect([...(form?.querySelectorAll('p, button') ?? [])].map((el) => el.textContent)).toEqual([
      'Zendesk connected.',
      'Account: acme · ops@acme.test',
      'Connect another account',
    ]);
    expect(document.body.textContent).not.toContain(ZENDESK_KEY);
    await user.click(screen.getByRole('button', { name: 'Connect another account' }));
    expect((screen.getByLabelText(/^API token/) as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText(/Subdomain/) as HTMLInputElement).value).toBe('');
  });

  it('maps a 422 onto the field that caused it, focuses it, announces it, and keeps every value', async () => {
    const onError = vi.fn();
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" onError={onError} />);
    await fillZendesk(user, 'short1');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const key = screen.getByLabelText(/^API token/);
    await waitFor(() => expect(key.getAttribute('aria-invalid')).toBe('true'));
    expect(description(key)).toMatch(/must be at least 8 characters/);
    await waitFor(() => expect(document.activeElement).toBe(key));
    expect(screen.getByRole('alert').textContent).toMatch(/API token: must be at least 8 characters/);
    expect((screen.getByLabelText(/Subdomain/) as HTMLInputElement).value).toBe('acme');
    expect((screen.getByLabelText(/^Email/) as HTMLInputElement).value).toBe('ops@acme.test');
    expect((key as HTMLInputElement).value).toBe('short1');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }));
  });

  it('maps a 400 onto the field its errors[] names, focuses it, and keeps every value', async () => {
    sandbox.control.failNext({
      route: 'createConnectedAccount',
      status: 400,
      message: 'The request is invalid',
      errors: ['subdomain: no Zendesk workspace answers at this subdomain'],
    });
    const onError = vi.fn();
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" onError={onError} />);
    await fillZendesk(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const subdomain = screen.getByRole('textbox', { name: /Subdomain/ });
    await waitFor(() => expect(subdomain.getAttribute('aria-invalid')).toBe('true'));
    expect(description(subdomain)).toMatch(/no Zendesk workspace answers at this subdomain/);
    await waitFor(() => expect(document.activeElement).toBe(subdomain));
    expect(
      within(screen.getByRole('alert'))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['no Zendesk workspace answers at this subdomain']);
    // The service refused it, which reads differently from "fill these in".
    expect(screen.getByRole('alert').textContent).toMatch(/^Zendesk refused 1 field:/);
    // Only the named field is marked.
    expect(screen.getByLabelText(/^API token/).hasAttribute('aria-invalid')).toBe(false);
    expect((subdomain as HTMLInputElement).value).toBe('acme');
    expect((screen.getByLabelText(/^Email/) as HTMLInputElement).value).toBe('ops@acme.test');
    expect((screen.getByLabelText(/^API token/) as HTMLInputElement).value).toBe(ZENDESK_KEY);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 400 }));
    expect(sandbox.snapshot().accounts).toHaveLength(0);
  });

  it('lists errors[] that name no field in the alert, with the message, suggested fix and request id', async () => {
    sandbox.control.failNext({
      route: 'createConnectedAccount',
      status: 400,
      message: 'The workspace cannot be connected',
      errors: ['This workspace is on a plan without API access', 'Ask its owner to upgrade the plan'],
      suggested_fix: 'Upgrade the Zendesk plan, then connect again.',
    });
    const requestIds: (string | undefined)[] = [];
    const { user } = setup(
      <ApiKeyConnectForm authConfigId="ac_zendesk" onError={(error) => requestIds.push(error.requestId)} />,
    );
    await fillZendesk(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = screen.getByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toMatch('Zendesk refused these credentials. Check them and try again.'),
    );
    // No field was named, so the alert takes focus; the developer's layer waits behind "Details".
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(alert.textContent).not.toMatch('The workspace cannot be connected');
    await user.click(within(alert).getByText('Details'));
    expect(alert.textContent).toMatch('The workspace cannot be connected');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['This workspace is on a plan without API access', 'Ask its owner to upgrade the plan']);
    expect(alert.textContent).toMatch('Suggested fixUpgrade the Zendesk plan, then connect again.');
    const requestId = requestIds[0];
    expect(requestId).toMatch(/^req_/);
    expect(within(alert).getByText(requestId as string).tagName).toBe('CODE');
    // No field was named, so none is marked.
    for (const field of screen.getAllByRole('textbox'))
      expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect((screen.getByLabelText(/^API token/) as HTMLInputElement).value).toBe(ZENDESK_KEY);
  });

  it('shows a validate_credentials refusal on the secret field', async () => {
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" validateCredentials />);
    await fillZendesk(user, 'invalid-token-123');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const key = screen.getByLabelText(/^API token/);
    await waitFor(() => expect(description(key)).toMatch(/the provider rejected this credential/));
    expect(screen.getByRole('alert').textContent).toMatch(/^Zendesk refused 1 field:/);
    await user.click(screen.getByText('Details'));
    expect(screen.getByRole('alert').textContent).toMatch(/Check the Zendesk credentials/);
  });

  it('shows a 500 with its request id and suggested fix in the alert, focused, with every value kept', async () => {
    sandbox.control.failNext({
      route: 'createConnectedAccount',
      status: 500,
      message: 'Upstream exploded',
      suggested_fix: 'Retry in a minute.',
    });
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />);
    await fillZendesk(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = screen.getByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toBe(
        "Couldn't connect to Zendesk right now. Try again in a few minutes.Details",
      ),
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
    await user.click(within(alert).getByText('Details'));
    expect(alert.textContent).toMatch('Upstream exploded');
    expect(alert.textContent).toMatch('Suggested fixRetry in a minute.');
    expect(alert.textContent).toMatch(/Request ID\S+/);
    expect((screen.getByLabelText(/^API token/) as HTMLInputElement).value).toBe(ZENDESK_KEY);
    expect((screen.getByLabelText(/Subdomain/) as HTMLInputElement).value).toBe('acme');
    // And the next try goes through.
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(sandbox.snapshot().accounts).toHaveLength(1));
  });

  it('gives server errors that name no field of the form as formErrors, until the next send starts', async () => {
    // The sandbox's Zendesk also requires `email`, which this form does not ask for.
    const { user } = setup(
      <ApiKeyConnectForm.Root authConfigId="ac_zendesk" fields={['subdomain', 'api_key']}>
        <ApiKeyConnectForm.Fields />
        <FormErrors />
        <ApiKeyConnectForm.Error />
        <ApiKeyConnectForm.Submit />
      </ApiKeyConnectForm.Root>,
    );
    await user.type(screen.getByLabelText(/Subdomain/), 'acme');
    await user.type(screen.getByLabelText(/^API key/), ZENDESK_KEY);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const list = screen.getByRole('list', { name: 'Form errors' });
    await waitFor(() => expect(within(list).getByRole('listitem').textContent).toMatch(/^email: /));
    await user.click(within(screen.getByRole('alert')).getByText('Details'));
    expect(within(screen.getByRole('alert')).getByRole('listitem').textContent).toMatch(/^email: /);
    sandbox.control.setLatency(100, 'createConnectedAccount');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(within(list).queryByRole('listitem')).toBeNull());
    await waitFor(() => expect(within(list).getByRole('listitem').textContent).toMatch(/^email: /));
  });

  it('keeps every value when the connection breaks', async () => {
    sandbox.control.dropNext({ route: 'createConnectedAccount' });
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />);
    await fillZendesk(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(
        "Couldn't connect to Zendesk. Check your internet connection and try again.",
      ),
    );
    expect((screen.getByLabelText(/^API token/) as HTMLInputElement).value).toBe(ZENDESK_KEY);
  });

  it('cannot submit twice', async () => {
    sandbox.control.setLatency(150);
    const { user } = setup(<ApiKeyConnectForm authConfigId="ac_zendesk" />);
    await fillZendesk(user);
    const button = screen.getByRole('button', { name: 'Connect' });
    const form = button.closest('form') as HTMLFormElement;
    await user.click(button);
    // A second click on the disabled button, and a programmatic submit (Enter in a field) besides.
    await user.click(button);
    act(() => form.requestSubmit());
    expect((screen.getByRole('button', { name: 'Connecting…' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByRole('button', { name: 'Connect another account' });
    expect(sandbox.snapshot().accounts).toHaveLength(1);
  });

  it('aborts the request when the form unmounts', async () => {
    sandbox.control.setLatency(200);
    const signals: (AbortSignal | undefined)[] = [];
    const backend: ConnectBackend = {
      ...sandbox.backend,
      createConnectedAccount: (input, options) => {
        signals.push(options?.signal);
        return sandbox.backend.createConnectedAccount(input, options);
      },
    };
    const onError = vi.fn();
    const { user, unmount } = setup(
      <ApiKeyConnectForm authConfigId="ac_zendesk" onError={onError} />,
      backend,
    );
    await fillZendesk(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(signals).toHaveLength(1));
    unmount();
    expect(signals[0]?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(onError).not.toHaveBeenCalled();
  });

  it('is disabled as a whole', async () => {
    setup(<ApiKeyConnectForm authConfigId="ac_zendesk" disabled />);
    expect(((await screen.findByLabelText(/Subdomain/)) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Connect' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('ApiKeyConnectForm beside the account list', () => {
  it('the list shows the new account as soon as the form connects it', async () => {
    const { user } = setup(
      <>
        <ApiKeyConnectForm authConfigId="ac_zendesk" />
        <section aria-label="Accounts">
          <ConnectedAccountList />
        </section>
      </>,
    );
    const list = within(screen.getByRole('region', { name: 'Accounts' }));
    expect(await list.findByText('No connected accounts yet.')).toBeTruthy();
    await fillZendesk(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    // Nothing pending, so nothing polls: the form's success reads the list again.
    const row = await list.findByRole('listitem');
    expect(within(row).getByText('Zendesk')).toBeTruthy();
    expect(within(row).getByText('Connected')).toBeTruthy();
  });
});

describe('ApiKeyConnectForm, defaultValues and messages', () => {
  it('prefills a field from defaultValues, and sends it', async () => {
    const onSuccess = vi.fn<(account: CreatedConnectedAccount) => void>();
    const { user } = setup(
      <ApiKeyConnectForm
        authConfigId="ac_zendesk"
        defaultValues={{ subdomain: 'acme' }}
        onSuccess={onSuccess}
      />,
    );
    const subdomain = (await screen.findByRole('textbox', { name: /Subdomain/ })) as HTMLInputElement;
    expect(subdomain.value).toBe('acme');
    expect((screen.getByLabelText(/^Email/) as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText(/^Email/), 'ops@acme.test');
    await user.type(screen.getByLabelText(/^API token/), ZENDESK_KEY);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledOnce());
    expect(onSuccess.mock.calls[0]?.[0].connectionData.val).toMatchObject({ subdomain: 'acme' });
  });

  it('shows the strings given in messages instead of the defaults', async () => {
    const { user } = setup(
      <ApiKeyConnectForm
        authConfigId="ac_zendesk"
        messages={{ formSubmit: 'Save credentials', fieldRequired: 'Fill in {label}, please' }}
      />,
    );
    const save = await screen.findByRole('button', { name: 'Save credentials' });
    expect(screen.queryByRole('button', { name: 'Connect' })).toBeNull();
    await user.click(save);
    const subdomain = screen.getByRole('textbox', { name: /Subdomain/ });
    await waitFor(() => expect(subdomain.getAttribute('aria-invalid')).toBe('true'));
    expect(description(subdomain)).toMatch('Fill in Subdomain, please');
    expect(within(screen.getByRole('alert')).getAllByRole('link')[0]?.textContent).toBe(
      'Fill in Subdomain, please',
    );
    expect(screen.getByRole('alert').textContent).not.toMatch('is required');
  });
});

describe('ApiKeyConnectForm, secrets', () => {
  function cachesAsJson(queryClient: ReturnType<typeof createConnectQueryClient>) {
    const mutations = queryClient
      .getMutationCache()
      .getAll()
      .map((m) => ({
        key: m.options.mutationKey,
        state: m.state,
      }));
    const queries = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => ({ key: q.queryKey, state: q.state }));
    return JSON.stringify({ mutations, queries }, (_key, value) =>
      value instanceof Error ? { ...value, message: value.message, json: JSON.stringify(value) } : value,
    );
  }

  it.each([
    ['a successful submit', 'zd_Fine_Secret_77', false],
    ['a refused submit (validate_credentials)', 'invalid-Secret-88', true],
    ['a 500', 'zd_Unlucky_Secret_99', 'fail'],
  ] as const)(
    'leaves no secret in the caches, console, storage, URL or DOM after %s',
    async (_name, secret, mode) => {
      const logged: string[] = [];
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          logged.push(
            args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '),
          );
        });
      }
      if (mode === 'fail') sandbox.control.failNext({ route: 'createConnectedAccount', status: 500 });
      const seen: unknown[] = [];
      const { user, queryClient } = setup(
        <ApiKeyConnectForm
          authConfigId="ac_zendesk"
          validateCredentials={mode === true}
          onSuccess={(account) => seen.push(account)}
          onError={(error) => seen.push(error.toJSON(), error.message)}
        />,
      );
      await fillZendesk(user, secret);
      // While typed, the secret is only the input's value: no attribute or text node holds it.
      expect(document.documentElement.outerHTML).not.toContain(secret);
      await user.click(screen.getByRole('button', { name: 'Connect' }));
      await waitFor(() => expect(seen.length).toBeGreaterThan(0));
      await waitFor(() =>
        expect(queryClient.getMutationCache().getAll()[0]?.state.status).not.toBe('pending'),
      );

      const caches = cachesAsJson(queryClient);
      expect(caches).toContain('createConnectedAccount');
      expect(caches).not.toContain(secret);
      expect(JSON.stringify(seen)).not.toContain(secret);
      expect(logged.join('\n')).not.toContain(secret);
      expect(JSON.stringify({ ...localStorage })).not.toContain(secret);
      expect(JSON.stringify({ ...sessionStorage })).not.toContain(secret);
      expect(window.location.href).not.toContain(secret);
      expect(document.documentElement.outerHTML).not.toContain(secret);
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) expect(attribute.value).not.toContain(secret);
      }
    },
  );

  it('the cache check can fail: mutation variables would hold what mutate is given', async () => {
    // The property the test above relies on, shown on React Query itself.
    const queryClient = createConnectQueryClient();
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationFn: async (variables: { api_key: string }) => variables.api_key.length,
      gcTime: 60_000,
    });
    await mutation.execute({ api_key: 'visible_in_cache' });
    expect(cachesAsJson(queryClient)).toContain('visible_in_cache');
  });
});

describe('ApiKeyConnectForm, rendering cost', () => {
  it('re-renders only the typed field, once per keystroke, in a 70-field form', async () => {
    const fields: FieldInput[] = Array.from({ length: 70 }, (_, i) => ({
      name: `field_${i}`,
      label: `Field ${i}`,
      kind: 'text' as const,
      required: i % 2 === 0,
    }));
    const renders = new Map<string, number>();
    const count = (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1);
    const { user } = setup(
      <Profiler id="root" onRender={count}>
        <ApiKeyConnectForm.Root authConfigId="ac_many" fields={fields}>
          <ApiKeyConnectForm.Error />
          {fields.map((field) => {
            const name = typeof field === 'string' ? field : field.name;
            return (
              <Profiler key={name} id={name} onRender={count}>
                <ApiKeyConnectForm.Field name={name} />
              </Profiler>
            );
          })}
          <Profiler id="submit" onRender={count}>
            <ApiKeyConnectForm.Submit />
          </Profiler>
        </ApiKeyConnectForm.Root>
      </Profiler>,
    );
    const input = screen.getByRole('textbox', { name: /^Field 37/ });
    await user.click(input);
    renders.clear();
    await user.keyboard('abcde');
    expect((input as HTMLInputElement).value).toBe('abcde');
    // The outer profiler counts commits; each keystroke commits the typed field alone.
    expect(Object.fromEntries(renders)).toEqual({ root: 5, field_37: 5 });
  });
});
