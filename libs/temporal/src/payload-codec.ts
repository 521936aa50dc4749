import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { REFUSAL_REASON, REFUSED_ENCODING } from './shared/payload-converter';

/** A named AES-256 key. Names travel with each payload so old payloads decode after a rotation. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What decoding does with a payload that is not encrypted: refuse it (workers, clients) or show it as it is (Temporal Web). */
type Plain = 'refuse' | 'show';

const refused = (reason: string): Payload => ({
  metadata: { encoding: Buffer.from(REFUSED_ENCODING), [REFUSAL_REASON]: Buffer.from(reason) },
});

/**
 * Encrypts every payload with AES-256-GCM before it leaves the process, so the Temporal server
 * (and its database) never hold case data in plain text. Encodes with the current key; decodes with
 * whichever key a payload names. The key id is bound as additional authenticated data.
 *
 * Only the API and the worker hold the keys, so an authentic payload was written by one of them:
 * the user named in an Update was signed in at the API. Decoding therefore refuses a payload that
 * is not encrypted, or fails authentication (forged or tampered), and hands on a refusal marker in
 * its place (see ./shared/payload-converter). A payload under an unknown key id still throws: that
 * is a key missing from the configuration after a rotation, and the workflow task must wait until
 * the key is there rather than drop real data.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(
    keys: PayloadKey[],
    private readonly currentId: string,
  ) {
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
    if (!this.byId.has(currentId)) throw new Error(`The current payload key ${currentId} is not among the keys`);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const key = this.byId.get(this.currentId)!;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(CIPHER, key, iv).setAAD(Buffer.from(this.currentId));
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID]: Buffer.from(this.currentId) },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.open(payload, 'refuse'));
  }

  /** For an administrator's eyes (Temporal Web): a plain payload is shown as it is, so a refused attempt can be seen in a history. */
  async decodeForDisplay(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.open(payload, 'show'));
  }

  private open(payload: Payload, plain: Plain): Payload {
    if (Buffer.from(payload.metadata?.encoding ?? []).toString() !== ENCRYPTED_ENCODING) {
      return plain === 'show' ? payload : refused('not encrypted');
    }
    const id = Buffer.from(payload.metadata?.[KEY_ID] ?? []).toString();
    const key = this.byId.get(id);
    if (!key) throw new Error(`Payload encrypted with unknown key ${id || '(none)'}`);
    const sealed = Buffer.from(payload.data ?? []);
    let plainBytes: Buffer;
    try {
      const decipher = createDecipheriv(CIPHER, key, sealed.subarray(0, IV_BYTES)).setAAD(Buffer.from(id));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      plainBytes = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      // Too short for an IV and a tag, or the tag does not match: not written with this key.
      return refused('failed authentication');
    }
    return temporal.api.common.v1.Payload.decode(plainBytes);
  }
}
