import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '@sagsflow/config';
import { AesGcmPayloadCodec, PayloadKey } from './payload-codec';

/** The failure converter every client, worker and workflow bundle uses (see ./shared/failure-converter). */
export const FAILURE_CONVERTER_PATH = require.resolve('./shared/failure-converter');

export interface PayloadEncryption {
  keys: PayloadKey[];
  currentKeyId: string;
}

/** The one data converter of the product: encrypted payloads and encoded failures. */
export function createDataConverter(encryption: PayloadEncryption): DataConverter {
  return {
    payloadCodecs: [new AesGcmPayloadCodec(encryption.keys, encryption.currentKeyId)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}

export function dataConverterFor(config: Pick<AppConfig, 'TEMPORAL_PAYLOAD_KEYS' | 'TEMPORAL_PAYLOAD_KEY_ID'>): DataConverter {
  return createDataConverter({ keys: config.TEMPORAL_PAYLOAD_KEYS, currentKeyId: config.TEMPORAL_PAYLOAD_KEY_ID });
}
