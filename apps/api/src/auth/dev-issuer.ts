import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createLocalJWKSet, exportJWK, generateKeyPair, JWTVerifyGetKey, KeyLike, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';

const ALGORITHM = 'ES256';

/**
 * The development identity provider: a key pair made at start-up that signs tokens for
 * `POST /api/auth/dev-login`. Its tokens are checked exactly like a real issuer's. Off in production.
 */
@Injectable()
export class DevIssuer implements OnModuleInit {
  private privateKey?: KeyLike;
  keySet?: JWTVerifyGetKey;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.AUTH_DEV_LOGIN;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM);
    this.privateKey = privateKey;
    this.keySet = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: ALGORITHM, kid: 'dev' }] });
  }

  sign(username: string): Promise<string> {
    if (!this.privateKey) throw new Error('The development issuer is off');
    return new SignJWT({ preferred_username: username })
      .setProtectedHeader({ alg: ALGORITHM, kid: 'dev' })
      .setSubject(username)
      .setIssuer(this.config.AUTH_ISSUER)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('8h')
      .sign(this.privateKey);
  }
}
