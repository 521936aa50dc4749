import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { Rule } from '../common/rule';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Payload metadata: base64 values, with at least the `encoding` every Temporal payload carries. */
const IsPayloadMetadata = () =>
  Rule(
    'isPayloadMetadata',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof (value as Record<string, unknown>).encoding === 'string' &&
      Object.values(value).every((v) => typeof v === 'string' && BASE64.test(v)),
    'metadata must be an object of base64 strings with an encoding',
  );

/** A payload in Temporal's JSON form: metadata values and data are base64. */
export class JsonPayloadDto {
  @ApiProperty({ type: Object, example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' } })
  @IsPayloadMetadata()
  metadata: Record<string, string>;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBase64({}, { message: 'data must be base64' })
  data?: string;
}

/** Temporal's remote codec protocol: `{ payloads: [...] }` in both directions. */
export class CodecRequestDto {
  @ApiProperty({ type: [JsonPayloadDto] })
  @IsArray({ message: 'payloads must be an array' })
  @ArrayMaxSize(1_000)
  @IsObject({ each: true, message: 'payloads must contain payload objects' })
  @ValidateNested({ each: true })
  @Type(() => JsonPayloadDto)
  payloads: JsonPayloadDto[];
}
