import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from './payload-codec';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const secret = { cpr: '010203-1234', name: 'Maja Jensen' };
const payload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value)!;
const text = (p: Payload) => Buffer.from(p.data ?? []).toString('latin1') + JSON.stringify(p.metadata);

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

  it.each([
    ['an unknown key id', async (p: Payload) => new AesGcmPayloadCodec([k2], 'k2').decode([p]), /unknown key k1/],
    ['a tampered ciphertext', async (p: Payload) => {
      const data = Buffer.from(p.data!);
      data[20] ^= 0xff;
      return new AesGcmPayloadCodec([k1], 'k1').decode([{ ...p, data }]);
    }, /unsupported state|authenticate/],
    ['a swapped key id', async (p: Payload) => {
      const sameKeyOtherName = { id: 'k9', key: k1.key };
      const renamed = { ...p, metadata: { ...p.metadata, 'encryption-key-id': Buffer.from('k9') } };
      return new AesGcmPayloadCodec([sameKeyOtherName], 'k9').decode([renamed]);
    }, /unsupported state|authenticate/],
  ])('refuses %s', async (_label, decode, error) => {
    const [encoded] = await new AesGcmPayloadCodec([k1], 'k1').encode([payload(secret)]);
    await expect(decode(encoded)).rejects.toThrow(error);
  });

  it('passes unencrypted payloads through on decode (histories from before encryption)', async () => {
    const plain = payload('legacy');
    expect(await new AesGcmPayloadCodec([k1], 'k1').decode([plain])).toEqual([plain]);
  });

  it('refuses a current key id that is not among the keys', () => {
    expect(() => new AesGcmPayloadCodec([k1], 'k2')).toThrow('k2');
  });
});
