import { createSandbox } from '@plugboard/sandbox';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiKeyConnectForm } from './ApiKeyConnectForm';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { de } from './locales/de';
import type { Messages } from './messages';

function renderForm(form: ReactNode, messages?: Partial<Messages>) {
  render(
    <ConnectProvider
      backend={createSandbox().backend}
      queryClient={createConnectQueryClient()}
      messages={messages}
    >
      {form}
    </ConnectProvider>,
  );
  return userEvent.setup();
}

const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

/** An app that renders the form with inline `fields` and `messages`, new objects on every render. */
function App({ tick }: { tick: number }) {
  return (
    <ApiKeyConnectForm
      authConfigId="ac_zendesk"
      fields={[{ name: 'subdomain', required: true }]}
      messages={{ 'label.subdomain': 'Helpdesk address' }}
      data-tick={tick}
    />
  );
}

describe('the form’s fields in the user’s language', () => {
  it('German: the catalog’s labels, descriptions, placeholders and rules, for given fields', async () => {
    const user = renderForm(
      <ApiKeyConnectForm
        authConfigId="ac_zendesk"
        fields={[
          { name: 'subdomain', required: true },
          { name: 'email', required: true },
          'dc',
          { name: 'credentials_json', required: true },
          { name: 'ticket_view', required: true },
        ]}
      />,
      de,
    );
    const subdomain = screen.getByRole('textbox', { name: 'Subdomain' });
    expect(descriptionOf(subdomain)).toBe(
      'Der erste Teil der Adresse Ihres Kontos, z. B. acme bei acme.zendesk.com',
    );
    const email = screen.getByRole('textbox', { name: 'E-Mail' });
    expect(email.getAttribute('placeholder')).toBe('z. B. name@beispiel.de');
    // A field the catalog does not know keeps its humanised name.
    expect(screen.getByRole('textbox', { name: 'Ticket view' })).toBeTruthy();

    await user.type(subdomain, 'acme zendesk');
    await user.type(email, 'ops');
    await user.type(
      screen.getByLabelText(/^Dienstkontoschlüssel \(JSON\)/, { selector: 'textarea' }),
      '{{"a": }',
    );
    await user.click(screen.getByRole('button', { name: 'Verbinden' }));
    const alert = screen.getByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toContain('Ergänzen oder korrigieren Sie vor dem Verbinden 4 Felder:'),
    );
    expect(descriptionOf(subdomain)).toContain('Verwenden Sie nur Buchstaben, Ziffern und Bindestriche');
    expect(descriptionOf(email)).toContain('Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein');
    expect(alert.textContent).toContain('Dienstkontoschlüssel (JSON): Kein gültiges JSON: Zeile 1, Spalte 7');
    expect(alert.textContent).toContain('Ticket view ist erforderlich');
    // The optional field's German label, inside "Weitere Optionen".
    await user.click(screen.getByText('Weitere Optionen'));
    expect(screen.getByRole('textbox', { name: 'Rechenzentrum' })).toBeTruthy();
  });

  it('German: a loaded toolkit’s catalog fields in German, over its English metadata', async () => {
    renderForm(<ApiKeyConnectForm authConfigId="ac_zendesk" />, de);
    expect(await screen.findByRole('textbox', { name: 'E-Mail' })).toBeTruthy();
    expect(screen.getByLabelText(/^API-Schlüssel/, { selector: 'input' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'API-Schlüssel anzeigen' })).toBeTruthy();
  });

  it('an app’s own fields and messages win; in English a toolkit’s own words stay', async () => {
    renderForm(
      <>
        <ApiKeyConnectForm
          authConfigId="ac_zendesk"
          fields={[{ name: 'api_key', label: 'Zendesk-API-Token', required: true }, 'dc']}
          messages={{ ...de, 'label.dc': 'Mailchimp-Rechenzentrum' }}
        />
        <ApiKeyConnectForm authConfigId="ac_zendesk" messages={{ 'label.subdomain': 'Helpdesk address' }} />
      </>,
    );
    expect(screen.getByLabelText(/^Zendesk-API-Token/, { selector: 'input' })).toBeTruthy();
    await userEvent.click(screen.getByText('Weitere Optionen'));
    expect(screen.getByRole('textbox', { name: 'Mailchimp-Rechenzentrum' })).toBeTruthy();
    // Zendesk's metadata names its key "API token"; the app renamed the subdomain.
    expect(await screen.findByLabelText(/^API token/, { selector: 'input' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Helpdesk address' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Email' })).toBeTruthy();
  });

  it('keeps what the user typed when the app re-renders with an inline messages object', async () => {
    const client = createConnectQueryClient();
    const backend = createSandbox().backend;
    const { rerender } = render(
      <ConnectProvider backend={backend} queryClient={client}>
        <App tick={1} />
      </ConnectProvider>,
    );
    const field = screen.getByRole('textbox', { name: 'Helpdesk address' }) as HTMLInputElement;
    await userEvent.type(field, 'acme');
    rerender(
      <ConnectProvider backend={backend} queryClient={client}>
        <App tick={2} />
      </ConnectProvider>,
    );
    await userEvent.tab();
    expect((screen.getByRole('textbox', { name: 'Helpdesk address' }) as HTMLInputElement).value).toBe(
      'acme',
    );
  });
});
