import { Body, Controller, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { Audit } from '../audit/audit';
import { Allow } from '../auth/allow';
import { Public } from '../auth/public.decorator';
import { CodecRequestDto } from './codec.dto';
import { CodecService } from './codec.service';

/**
 * Temporal Web's remote codec (`/codec/decode`), for administrators only: the Web UI sends the
 * signed-in administrator's token. CORS admits only TEMPORAL_UI_ORIGINS. There is no `/encode`:
 * only the API and the worker encrypt, so an encrypted payload is one they wrote (README "Security").
 */
@ApiTags('codec')
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  constructor(
    private readonly codec: CodecService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('decode')
  @HttpCode(200)
  @Allow('ADMIN')
  @Audit({ action: 'read', what: 'payloads', purpose: 'inspecting a process history in Temporal Web', caseIdFrom: 'none' })
  @ApiOkResponse({ type: CodecRequestDto })
  decode(@Body() body: CodecRequestDto): Promise<CodecRequestDto> {
    return this.codec.decode(body);
  }

  /** Development only: the dev server's Web UI has no sign-in, so `npm start` gives it a secret path. */
  @Public()
  @Post('dev/:secret/decode')
  @HttpCode(200)
  devDecode(@Param('secret') secret: string, @Body() body: CodecRequestDto): Promise<CodecRequestDto> {
    this.checkDevSecret(secret);
    return this.codec.decode(body);
  }

  private checkDevSecret(secret: string): void {
    const expected = this.config.CODEC_DEV_SECRET;
    const given = Buffer.from(secret);
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      throw new NotFoundException();
    }
  }
}
