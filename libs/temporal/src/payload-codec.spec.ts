import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from './payload-codec';
import { isRefused, payloadConverter, REFUSED_ENCODING } from './shared/payload-converter';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const secret = { cpr: '010203-1234', name: 'Maja Jensen' };
const payload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value)!;
const text = (p: Payload) => Buffer.from(p.data ?? []).toString('latin1') + JSON.stringify(p.metadata);
const metadata = (p: Payload, key: string) => Buffer.from(p.metadata?.[key] ?? []).toString();

describe('AesGcmPayloadCodec', () => {
  it('round-trips payloads and leaves no plain text in the encoded form', async () => {
    const codec = new AesGcmPayloadCodec([k1], 'k1');
    const [encoded] = await codec.encode([payload(secret)]);
    expect(Buffer.from(encoded.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(text(encoded)).not.toMatch(/010203|Maja|Jensen/);
    const [decoded] = await codec.decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(secret);
  });

  it('decodes payloads written under key 1 after key 2 becomes current, and writes new ones with key 2', async () => {
    const [old] = await new AesGcmPayloadCodec([k1], 'k1').encode([payload(secret)]);
    const rotated = new AesGcmPayloadCodec([k1, k2], 'k2');
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([old]))[0])).toEqual(secret);
    const [fresh] = await rotated.encode([payload('new')]);
    expect(Buffer.from(fresh.metadata!['encryption-key-id']!).toString()).toBe('k2');
  });

  it('throws for an unknown key id: a key missing after a rotation is a configuration error, not a forgery', async () => {
    const [encoded] = await new AesGcmPayloadCodec([k1], 'k1').encode([payload(secret)]);
    await expect(new AesGcmPayloadCodec([k2], 'k2').decode([encoded])).rejects.toThrow(/unknown key k1/);
  });

  describe('refuses what the API and the worker did not write, with a marker instead of throwing', () => {
    let sealed: Payload;
    let forged: Payload;
    beforeAll(async () => {
      [sealed] = await new AesGcmPayloadCodec([k1], 'k1').encode([payload(secret)]);
      // An attacker's own key under our key id: well-formed, but GCM authentication fails.
      [forged] = await new AesGcmPayloadCodec([{ id: 'k1', key: k2.key }], 'k1').encode([payload({ taskId: 't1', actor: 'lead1' })]);
    });
    const tampered = () => {
      const data = Buffer.from(sealed.data!);
      data[20] ^= 0xff;
      return { ...sealed, data };
    };
    const cases: [string, () => Payload, string][] = [
      ['a plain payload', () => payload({ taskId: 't1', actor: 'lead1' }), 'not encrypted'],
      ['a plain payload without metadata', () => ({ data: Buffer.from('{}') }), 'not encrypted'],
      ['a tampered ciphertext', tampered, 'failed authentication'],
      ['a payload sealed with another key under our key id (forged)', () => forged, 'failed authentication'],
      ['a swapped key id (the id is authenticated)', () => ({ ...sealed, metadata: { ...sealed.metadata, 'encryption-key-id': Buffer.from('k9') } }), 'failed authentication'],
      ['a truncated ciphertext', () => ({ ...sealed, data: Buffer.from(sealed.data!).subarray(0, 8) }), 'failed authentication'],
    ];

    it.each(cases)('%s', async (_label, make, reason) => {
      // The codec holds k1 and, under the name k9, the same key: only the id bound at encryption opens it.
      const codec = new AesGcmPayloadCodec([k1, { id: 'k9', key: k1.key }], 'k1');
      const [marker] = await codec.decode([make()]);
      expect(metadata(marker, 'encoding')).toBe(REFUSED_ENCODING);
      expect(metadata(marker, 'refusal-reason')).toBe(reason);
      expect(marker.data).toBeUndefined();
      const value = payloadConverter.fromPayload(marker);
      expect(isRefused(value) && value.reason).toBe(reason);
    });
  });

  it('shows plain payloads as they are for display (Temporal Web), and still refuses forged ones', async () => {
    const codec = new AesGcmPayloadCodec([k1], 'k1');
    const plain = payload('sent without the codec');
    const [encoded] = await codec.encode([payload(secret)]);
    const [shownPlain, shownSealed, shownTampered] = await codec.decodeForDisplay([plain, encoded, { ...encoded, data: Buffer.from(encoded.data!).reverse() }]);
    expect(shownPlain).toEqual(plain);
    expect(defaultPayloadConverter.fromPayload(shownSealed)).toEqual(secret);
    expect(metadata(shownTampered, 'encoding')).toBe(REFUSED_ENCODING);
  });

  it('refuses a current key id that is not among the keys', () => {
    expect(() => new AesGcmPayloadCodec([k1], 'k2')).toThrow('k2');
  });
});

describe('the payload converter', () => {
  it('reads and writes ordinary values as the default converter does, and never writes the refusal marker', () => {
    expect(payloadConverter.fromPayload(payloadConverter.toPayload(secret))).toEqual(secret);
    expect(metadata(payloadConverter.toPayload(secret), 'encoding')).toBe('json/plain');
  });
});
