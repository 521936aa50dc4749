import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** A payload in Temporal's JSON form: metadata values and data are base64. */
export class JsonPayloadDto {
  @ApiProperty({ type: Object, example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' } })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, string>;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBase64({}, { message: 'data must be base64' })
  data?: string;
}

/** Temporal's remote codec protocol: `{ payloads: [...] }` in both directions. */
export class CodecRequestDto {
  @ApiProperty({ type: [JsonPayloadDto] })
  @IsArray()
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  @Type(() => JsonPayloadDto)
  payloads: JsonPayloadDto[];
}
