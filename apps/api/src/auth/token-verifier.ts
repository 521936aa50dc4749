import { ForbiddenException, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, JWTVerifyGetKey, jwtVerify } from 'jose';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { type UserEntity, UserRepository } from '@sagsflow/persistence';
import type { CurrentUser } from './current-user';
import { DevIssuer } from './dev-issuer';

/** Who a verified token says someone is: the issuer's lasting subject, and the name they go by there now. */
interface Identity {
  issuer: string;
  subject: string;
  preferredUsername?: string;
}

/**
 * Verifies bearer JWTs against the configured OIDC issuer's JWKS (and, in development, the dev
 * issuer), then finds the person in the staff directory by the identity bound to them (issuer and
 * subject): the token proves who they are, our directory says which agency, team and role they
 * have. `preferred_username` only names the staff user at an identity's first sign-in, since the
 * identity provider may let people change it, or give a freed name to someone else.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly remote?: JWTVerifyGetKey;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly devIssuer: DevIssuer,
    private readonly users: UserRepository,
  ) {
    if (config.AUTH_JWKS_URL) this.remote = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
  }

  /** One indexed lookup per request, as before identities were bound: nothing is cached, so a deactivation holds at once. */
  async verify(token: string): Promise<CurrentUser> {
    const identity = await this.identityFrom(token);
    const user = (await this.users.findByIdentity(identity.issuer, identity.subject)) ?? (await this.bindFirstSignIn(identity));
    if (!user.active) throw new UnauthorizedException(`No active user ${user.username} in this municipality`);
    return { username: user.username, displayName: user.displayName, agency: user.agency, team: user.team, role: user.role };
  }

  /**
   * An identity's first sign-in binds it to the active staff user its `preferred_username` names,
   * unless that person already has an identity at this issuer: a second account presenting their
   * name is refused until an administrator binds it.
   */
  private async bindFirstSignIn({ issuer, subject, preferredUsername }: Identity): Promise<UserEntity> {
    const staff = preferredUsername ? await this.users.findActive(preferredUsername) : null;
    if (!staff) throw new UnauthorizedException(`No active user ${preferredUsername ?? '(no preferred_username)'} in this municipality`);
    const { user, bound } = await this.users.bindIdentity(issuer, subject, staff.username);
    if (!user) {
      this.logger.warn(`Refused a new identity at ${issuer} presenting the name of ${staff.username}, who signs in with another`);
      throw new ForbiddenException(`Unknown identity: ${staff.username} signs in with another account at this issuer; an administrator can bind this one`);
    }
    if (bound) this.logger.log(`Bound a new identity at ${issuer} to ${user.username}`);
    return user;
  }

  private async identityFrom(token: string): Promise<Identity> {
    const keySets = [this.remote, this.devIssuer.keySet].filter((k): k is JWTVerifyGetKey => k !== undefined);
    for (const keySet of keySets) {
      try {
        const { payload } = await jwtVerify(token, keySet, {
          issuer: this.config.AUTH_ISSUER,
          audience: this.config.AUTH_AUDIENCE,
          requiredClaims: ['sub'],
        });
        const { iss, sub, preferred_username: name } = payload;
        if (iss && sub) return { issuer: iss, subject: sub, preferredUsername: typeof name === 'string' && name ? name : undefined };
      } catch {
        // try the next key set
      }
    }
    throw new UnauthorizedException('The bearer token is invalid or expired');
  }
}
