import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { AesGcmPayloadCodec } from '@sagsflow/temporal';
import type { CodecRequestDto, JsonPayloadDto } from './codec.dto';

const fromJson = (p: JsonPayloadDto): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: p.data === undefined ? undefined : Buffer.from(p.data, 'base64'),
});

const toJson = (p: Payload): JsonPayloadDto => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

/**
 * The payload codec as a service for Temporal Web, which decodes histories in the browser. It
 * shows a plain payload as it is, so an administrator sees what a refused attempt sent; a forged
 * one shows as the refusal marker.
 */
@Injectable()
export class CodecService {
  private readonly codec: AesGcmPayloadCodec;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.codec = new AesGcmPayloadCodec(config.TEMPORAL_PAYLOAD_KEYS, config.TEMPORAL_PAYLOAD_KEY_ID);
  }

  async decode(body: CodecRequestDto): Promise<CodecRequestDto> {
    try {
      return { payloads: (await this.codec.decodeForDisplay(body.payloads.map(fromJson))).map(toJson) };
    } catch (error) {
      throw new BadRequestException(`payloads could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
