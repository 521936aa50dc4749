import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createLocalJWKSet, exportJWK, generateKeyPair, JWTVerifyGetKey, KeyLike, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';

const ALGORITHM = 'ES256';
/** The namespace of the dev issuer's subjects (any fixed UUID; changing it unbinds every demo identity). */
const SUBJECT_NAMESPACE = Buffer.from('c9ab7b0354cd47b98b9e0485ca444a71', 'hex');

/**
 * The dev issuer's subject for a user: a name-based UUID (version 5, RFC 9562), the same at every
 * start, so a demo user's identity stays bound to them like a real issuer's opaque subject.
 */
export function devSubject(username: string): string {
  const bytes = createHash('sha1').update(SUBJECT_NAMESPACE).update(username).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

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
      .setSubject(devSubject(username))
      .setIssuer(this.config.AUTH_ISSUER)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('8h')
      .sign(this.privateKey);
  }
}
