import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '@sagsflow/config';
import { AesGcmPayloadCodec, PayloadKey } from './payload-codec';

/** The failure converter every client, worker and workflow bundle uses (see ./shared/failure-converter). */
export const FAILURE_CONVERTER_PATH = require.resolve('./shared/failure-converter');

/** The payload converter every client, worker and workflow bundle uses: reads the codec's refusal marker (see ./shared/payload-converter). */
export const PAYLOAD_CONVERTER_PATH = require.resolve('./shared/payload-converter');

export interface PayloadEncryption {
  keys: PayloadKey[];
  currentKeyId: string;
}

/**
 * The product's converters without the encryption codec: what the time-skipping workflow tests
 * run with, and so what the histories recorded from them are replayed with.
 */
export const unencryptedDataConverter: DataConverter = {
  payloadConverterPath: PAYLOAD_CONVERTER_PATH,
  failureConverterPath: FAILURE_CONVERTER_PATH,
};

/** The one data converter of the product: encrypted payloads, refused forgeries and encoded failures. */
export function createDataConverter(encryption: PayloadEncryption): DataConverter {
  return { ...unencryptedDataConverter, payloadCodecs: [new AesGcmPayloadCodec(encryption.keys, encryption.currentKeyId)] };
}

export function dataConverterFor(config: Pick<AppConfig, 'TEMPORAL_PAYLOAD_KEYS' | 'TEMPORAL_PAYLOAD_KEY_ID'>): DataConverter {
  return createDataConverter({ keys: config.TEMPORAL_PAYLOAD_KEYS, currentKeyId: config.TEMPORAL_PAYLOAD_KEY_ID });
}
