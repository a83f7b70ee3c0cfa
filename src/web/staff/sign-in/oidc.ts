import * as client from 'openid-client';

export interface OidcClaims {
  subject: string;
  username: string | null;
  email: string | null;
  name: string | null;
}

export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Single sign-on through an OpenID Connect provider (authorization code flow with PKCE). */
export interface OidcProvider {
  authorizationUrl(checks: OidcChecks): Promise<string>;
  callback(currentUrl: URL, checks: OidcChecks): Promise<OidcClaims>;
}

export function newChecks(): OidcChecks {
  return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

/** The provider of OIDC_ISSUER (discovered on first use). */
export function openIdConnectProvider(settings: { issuer: string; clientId: string; clientSecret: string; redirectUri: string }): OidcProvider {
  let configuration: Promise<client.Configuration> | null = null;
  const config = () => {
    configuration ??= client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret).catch((error: unknown) => {
      configuration = null;
      throw error;
    });
    return configuration;
  };
  return {
    async authorizationUrl(checks) {
      const c = await config();
      return client
        .buildAuthorizationUrl(c, {
          redirect_uri: settings.redirectUri,
          scope: 'openid profile email',
          code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
          code_challenge_method: 'S256',
          state: checks.state,
          nonce: checks.nonce,
        })
        .toString();
    },
    async callback(currentUrl, checks) {
      const c = await config();
      const tokens = await client.authorizationCodeGrant(c, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider returned no ID token');
      const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
      return { subject: claims.sub, username: str(claims.preferred_username), email: str(claims.email), name: str(claims.name) };
    },
  };
}
