import { expect, type Page, test } from '@playwright/test';
import { controlSandbox, expectAxeClean, onEachReact } from './helpers';

// The German locale (`@plugboard/react/locales/de`) in real Chromium against the sandbox server:
// the fixture pages pass it to their provider with `?locale=de`. Only the app's own text (the
// button's "Connect GitHub", the page headings) stays English; every string of the kit is German.
// Each test runs on React 19 (`/`) and React 18 (`/react18/`), as issue 13 asks of its e2e.

const statusRegion = (page: Page) => page.getByRole('status');

onEachReact(({ open }) => {
  test('the button in German: waiting, a denial in plain words with Details, then connected', async ({
    page,
  }) => {
    await open(page, 'button.html?mode=popup&locale=de');
    const popupPromise = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Connect GitHub' }).click();
    let popup = await popupPromise;
    await expect(page.getByRole('button', { name: 'Warten auf GitHub…' })).toBeVisible();
    await expect(statusRegion(page)).toContainText('Schließen Sie den Vorgang im geöffneten Fenster ab.');
    await popup.waitForURL(/\/link\//);
    await popup.getByRole('button', { name: 'Deny' }).click();
    await expect(statusRegion(page)).toHaveText(
      'Sie haben den Zugriff bei GitHub abgelehnt. Verbinden Sie sich erneut, um ihn zu erlauben.',
    );
    await page.getByText('Details', { exact: true }).click();
    await expect(page.getByText('Meldung')).toBeVisible();
    await expectAxeClean(page, 'German, denied');

    const again = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Connect GitHub' }).click();
    popup = await again;
    await popup.waitForURL(/\/link\//);
    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'Mit GitHub verbunden' })).toHaveAttribute(
      'data-state',
      'connected',
    );
    await expect(statusRegion(page)).toHaveText('Mit GitHub verbunden');
  });

  test('the form in German: the summary’s plural, a refusal with its request id behind Details', async ({
    page,
    request,
  }) => {
    await open(page, 'form.html?locale=de');
    const subdomain = page.getByRole('textbox', { name: /^Subdomain/ });
    await expect(subdomain).toBeVisible();
    await expect(page.getByRole('button', { name: 'API-Schlüssel anzeigen' })).toBeVisible();
    await page.getByRole('button', { name: 'Verbinden' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Füllen Sie vor dem Verbinden 3 Felder aus:');
    await expect(alert).toContainText('Subdomain ist erforderlich');
    await expect(subdomain).toBeFocused();
    await expectAxeClean(page, 'German, fill these in');

    await subdomain.fill('acme');
    await page.getByRole('textbox', { name: /^E-Mail/ }).fill('ops@acme.test');
    await page
      .getByLabel(/^API-Schlüssel/)
      .and(page.locator('input'))
      .fill('zd_e2e_german_1');
    await controlSandbox(request, {
      action: 'failNext',
      route: 'createConnectedAccount',
      status: 500,
      message: 'The sandbox fell over',
    });
    await page.getByRole('button', { name: 'Verbinden' }).click();
    await expect(alert).toContainText(
      'Die Verbindung mit Zendesk ist gerade nicht möglich. Versuchen Sie es in ein paar Minuten erneut.',
    );
    await alert.getByText('Details', { exact: true }).click();
    await expect(alert).toContainText(/Anfrage-ID\s*req_\S+/);
    await expectAxeClean(page, 'German, refused');
    await page.getByRole('button', { name: 'Verbinden' }).click();
    await expect(page.getByText('Mit Zendesk verbunden.')).toBeVisible();
  });
});
