import type { CatalogFieldName } from '@plugboard/core';

/**
 * The words of core's field catalog, by field name (a nested field by its path,
 * `label.authed_user.scope`): `label.<name>`, `description.<name>`, `placeholder.<name>`, and a
 * kind's placeholder (`placeholder.url`) for every field of that kind without one of its own.
 * English lists only the labels that differ from the name humanised (`account_id` is "Account
 * ID" without one); another language labels every catalog field (`CatalogFieldLabels`). The
 * validators' messages (`fieldHostname`, …) are core's `defaultCredentialMessages`.
 */
export const defaultFieldMessages = {
  'label.COMPANYDOMAIN': 'Company domain',
  'label.dc': 'Data center',
  'label.authUri': 'Authorization URL',
  'label.code_verifier': 'PKCE code verifier',
  'label.finalRedirectUri': 'Final redirect URL',
  'label.webhook_signature': 'Webhook signing secret',
  'label.expires_in': 'Expires in (seconds)',
  'label.authed_user': 'Authorised user',
  'label.authed_user.access_token': 'User access token',
  'label.authed_user.scope': 'User scope',
  'label.generic_api_key': 'API key',
  'label.basic_encoded': 'Encoded credentials',
  'label.composio_link_redirect_url': 'Link redirect URL',
  'label.credentials_json': 'Service account key (JSON)',
  'label.devKey': 'Developer key',
  'label.client_id_issued_at': 'Client ID issued at (Unix seconds)',
  'label.client_secret_expires_at': 'Client secret expires at (Unix seconds)',
  'description.subdomain': 'The first part of your account address, e.g. acme for acme.zendesk.com',
  'description.your-domain': 'The domain of your account, e.g. acme.freshdesk.com',
  'description.region': 'The region your account is hosted in, e.g. us or eu',
  'description.shop': 'Your shop name or address, e.g. acme or acme.myshopify.com',
  'description.account_url': 'The address of your account',
  'description.instanceEndpoint': 'The address of your instance',
  'description.api_url': 'The base address of the API',
  'description.base_url': 'The base address of the API',
  'description.version': 'The API version to use',
  'description.dc': 'The data center of your account, e.g. us6',
  'description.your_server': 'The host name or address of your server',
  'description.state_prefix': 'The OAuth 2 state prefix for the connection',
  'description.long_redirect_url': 'Return the redirect URL without shortening it',
  'description.scope': 'The granted scopes, separated by spaces or commas',
  'description.authed_user': "A Slack app's user-scope token",
  'description.basic_encoded': 'base64 of username:password',
  'description.credentials_json': 'The JSON key file of the service account',
  'description.private_key': 'The PEM private key, including its BEGIN and END lines',
  'description.client_secret_expires_at': '0 means it does not expire',
  'placeholder.url': 'https://',
  'placeholder.email': 'name@example.com',
  'placeholder.subdomain': 'acme',
  'placeholder.your-domain': 'acme.example.com',
  'placeholder.COMPANYDOMAIN': 'acme.example.com',
  'placeholder.domain': 'acme.example.com',
  'placeholder.shop': 'acme.myshopify.com',
  'placeholder.region': 'us',
  'placeholder.token_type': 'Bearer',
  'placeholder.expired_at': '2026-01-31T12:00:00Z',
  'placeholder.expires_at': '2026-01-31T12:00:00Z',
  'placeholder.credentials_json': '{ "type": "service_account", … }',
  'placeholder.private_key': '-----BEGIN PRIVATE KEY-----',
};
/** A field's words for any field name, the catalog's or yours (`label.ticket_view`). */
export type FieldWords = {
  [key: `label.${string}` | `description.${string}` | `placeholder.${string}`]: string;
};
export type FieldMessages = typeof defaultFieldMessages;

/** A label for every field of the catalog: what a locale other than English must give. */
export type CatalogFieldLabels = Record<`label.${CatalogFieldName}`, string>;
