import type { CreateConnectedAccountRequest, CreatedConnectedAccount } from '@plugboard/core';
import { checkFields, REFUSED_SECRET_WORDS, refusedCredentials } from '../credential-rules';
import { errors } from '../envelope';
import { OAUTH_SCHEMES } from '../fixtures/auth-configs';
import type { AccountRecord, LinkRecord } from '../state';
import { newAccount } from './accounts';
import { isHttpUrl, type ModelContext, requireConfig, requireImplemented } from './context';
import { linkUrl, newLink } from './links';

/**
 * `POST /connected_accounts` (a direct create), on a request core's schema already normalised:
 * credential schemes are checked and go ACTIVE; a custom OAuth app goes INITIATED with a link;
 * a Composio-managed OAuth config is refused, as Composio refuses it since the cutover.
 */
export function createConnectedAccount(
  ctx: ModelContext,
  input: CreateConnectedAccountRequest,
): CreatedConnectedAccount {
  const config = requireConfig(ctx, input.auth_config.id);
  requireImplemented(config);
  const connection = input.connection;
  // `z.url()` lets `javascript:` through, and this URL becomes a redirect's Location.
  if (connection.callback_url !== undefined && !isHttpUrl(connection.callback_url)) {
    throw errors.badRequest(['connection.callback_url: must be an absolute http or https URL']);
  }
  const givenState = connection.state;
  if (givenState !== undefined && givenState.authScheme !== config.authScheme) {
    throw errors.badRequest([
      `connection.state.authScheme: must be ${config.authScheme}, the scheme of auth config ${config.id}`,
    ]);
  }
  const userId = connection.user_id ?? 'default';
  const val: Record<string, unknown> = givenState?.val ?? {};

  let account: AccountRecord;
  let link: LinkRecord | undefined;
  if (OAUTH_SCHEMES.has(config.authScheme)) {
    if (config.isComposioManaged) throw errors.managedOAuthCreateRetired();
    if (typeof val.access_token === 'string' && val.access_token !== '') {
      account = newAccount(ctx, config, userId, 'ACTIVE', val);
    } else {
      account = newAccount(ctx, config, userId, 'INITIATED', {});
      link = newLink(ctx, account, connection.callback_url, {});
    }
  } else {
    const problems = checkFields(config, val);
    const listed = [...problems.missing, ...problems.malformed];
    if (problems.missing.length > 0) {
      throw errors.unprocessable(
        'ConnectedAccount_MissingRequiredFields',
        listed,
        'Fill in every field named in errors[].',
      );
    }
    if (problems.malformed.length > 0) {
      throw errors.unprocessable(
        'ConnectedAccount_InvalidFields',
        listed,
        'Correct the fields named in errors[].',
      );
    }
    if (input.validate_credentials === true) {
      const refused = refusedCredentials(config, val);
      if (refused.length > 0) {
        throw errors.unprocessable(
          'ConnectedAccount_InvalidCredentials',
          refused,
          `Check the ${config.toolkit.name} credentials and paste them again (in the sandbox, a secret containing ${REFUSED_SECRET_WORDS.map((word) => `"${word}"`).join(' or ')} is refused).`,
        );
      }
    }
    account = newAccount(ctx, config, userId, 'ACTIVE', val);
  }
  ctx.state.addAccount(account, link);
  const redirectUrl = link === undefined ? null : linkUrl(ctx, link.token);
  // The same status inside and outside: an OAuth app's account is INITIATED, with its redirectUrl.
  const responseVal = {
    ...account.val,
    status: account.status,
  } as CreatedConnectedAccount['connectionData']['val'];
  return {
    id: account.id,
    connectionData: { authScheme: config.authScheme, val: responseVal },
    status: account.status,
    redirect_url: redirectUrl,
    redirect_uri: redirectUrl,
    deprecated: { uuid: account.uuid, authConfigUuid: config.uuid },
  };
}
