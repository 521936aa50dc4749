import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, JWTVerifyGetKey, jwtVerify } from 'jose';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { UserRepository } from '@sagsflow/persistence';
import type { CurrentUser } from './current-user';
import { DevIssuer } from './dev-issuer';

/**
 * Verifies bearer JWTs against the configured OIDC issuer's JWKS (and, in development, the dev
 * issuer), then looks the person up in the staff directory: the token proves who they are, our
 * directory says which agency, team and role they have.
 */
@Injectable()
export class TokenVerifier {
  private readonly remote?: JWTVerifyGetKey;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly devIssuer: DevIssuer,
    private readonly users: UserRepository,
  ) {
    if (config.AUTH_JWKS_URL) this.remote = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
  }

  async verify(token: string): Promise<CurrentUser> {
    const username = await this.usernameFrom(token);
    const user = await this.users.findActive(username);
    if (!user) throw new UnauthorizedException(`No active user ${username} in this municipality`);
    return { username: user.username, displayName: user.displayName, agency: user.agency, team: user.team, role: user.role };
  }

  private async usernameFrom(token: string): Promise<string> {
    const keySets = [this.remote, this.devIssuer.keySet].filter((k): k is JWTVerifyGetKey => k !== undefined);
    for (const keySet of keySets) {
      try {
        const { payload } = await jwtVerify(token, keySet, {
          issuer: this.config.AUTH_ISSUER,
          audience: this.config.AUTH_AUDIENCE,
        });
        const username = payload.preferred_username ?? payload.sub;
        if (typeof username === 'string' && username) return username;
      } catch {
        // try the next key set
      }
    }
    throw new UnauthorizedException('The bearer token is invalid or expired');
  }
}
