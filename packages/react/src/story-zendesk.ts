import { userEvent, type within } from 'storybook/test';

/** Fills the Zendesk form's three fields as a user types them (stories' play functions). */
export async function typeZendesk(canvas: ReturnType<typeof within>, key: string) {
  await userEvent.type(await canvas.findByRole('textbox', { name: /^Subdomain/ }), 'acme');
  await userEvent.type(canvas.getByRole('textbox', { name: /^Email/ }), 'ops@acme.test');
  await userEvent.type(canvas.getByLabelText(/^API token/), key);
}
