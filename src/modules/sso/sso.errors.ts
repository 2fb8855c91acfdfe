import { defineErrors } from '../../platform/errors.ts';

export const SsoErrors = defineErrors({
  'sso.not_configured': { status: 404, message: 'This enterprise has no identity provider for signing in.' },
  'sso.secret_required': { status: 422, message: 'The client secret is required when the provider is first configured.' },
  'sso.insecure_issuer': { status: 422, message: 'The issuer must be an https address (http only on this machine).' },
  'sso.unreachable': { status: 502, message: 'The identity provider could not be reached or refused the sign-in.' },
  'sso.login_expired': { status: 400, message: 'This sign-in was started too long ago or already used; start again.' },
  'sso.no_claim': { status: 403, message: 'The identity provider did not say who you are (the configured claim is missing).' },
  'sso.unknown_person': { status: 403, message: 'Nobody in this enterprise matches your identity-provider account.' },
  'sso.member_inactive': { status: 403, message: 'Your membership of this enterprise is disabled or has ended.' },
});
