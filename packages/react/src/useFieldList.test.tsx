import { createSandbox } from '@plugboard/sandbox';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiKeyConnectForm } from './ApiKeyConnectForm';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { de } from './locales/de';
import type { Messages } from './messages';

/** A form whose fields are loaded from the sandbox's auth config, in the words of `messages`. */
function renderLoadedForm(authConfigId: string, messages?: Partial<Messages>) {
  render(
    <ConnectProvider
      backend={createSandbox().backend}
      queryClient={createConnectQueryClient()}
      messages={messages}
    >
      <ApiKeyConnectForm authConfigId={authConfigId} />
    </ConnectProvider>,
  );
  return userEvent.setup();
}

/** The field's hint and its error as read with it, without the error's own text. */
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .filter(Boolean)
    .join(' | ');

describe('a loaded field’s words come from one language', () => {
  it('German: a field the locale labels shows its German description or none, never the toolkit’s English', async () => {
    renderLoadedForm('ac_zendesk', de);
    const email = await screen.findByRole('textbox', { name: 'E-Mail' });
    // The toolkit describes it as "The email address of the Zendesk agent…": English under a German label.
    expect(descriptionOf(email)).toBe('');
    expect(descriptionOf(screen.getByRole('textbox', { name: 'Subdomain' }))).toBe(
      'Der erste Teil der Adresse Ihres Kontos, z. B. acme bei acme.zendesk.com',
    );
    expect(document.body.textContent).not.toMatch(/Zendesk agent|Admin Center/);
  });

  it('German: a field the locale does not know keeps the toolkit’s label and description, both English', async () => {
    renderLoadedForm('ac_licensekit', de);
    const licence = await screen.findByLabelText(/^Licence key/, { selector: 'input' });
    expect(descriptionOf(licence)).toBe('The key printed on your licence certificate');
  });

  it('English: the toolkit’s descriptions stay', async () => {
    renderLoadedForm('ac_zendesk');
    const email = await screen.findByRole('textbox', { name: /^Email/ });
    expect(descriptionOf(email)).toBe('The email address of the Zendesk agent the API token belongs to');
  });
});

describe('the domain rule’s message gives the field’s own example', () => {
  it.each([
    ['English', undefined, 'Connect', 'Enter an address such as acme.myshopify.com'],
    ['German', de, 'Verbinden', 'Geben Sie eine Adresse wie acme.myshopify.com ein'],
  ])('%s: Shopify’s shop domain, as its placeholder shows it', async (_, messages, connect, said) => {
    const user = renderLoadedForm('ac_shopify', messages);
    const shop = await screen.findByPlaceholderText(/acme\.myshopify\.com/);
    await user.type(shop, 'acme shop');
    await user.click(screen.getByRole('button', { name: connect }));
    await waitFor(() => expect(descriptionOf(shop)).toContain(said));
    expect(descriptionOf(shop)).not.toMatch(/example\.com|host ?name/i);
  });
});
