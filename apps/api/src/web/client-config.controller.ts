import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { Public } from '../auth/public.decorator';
import { ClientConfigDto } from './client-config.dto';

@ApiTags('web')
@Controller('client-config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** What the web app needs before anyone signs in: how to sign in, and where Temporal Web is. */
  @Public()
  @Get()
  @ApiOkResponse({ type: ClientConfigDto })
  get(): ClientConfigDto {
    const c = this.config;
    return {
      devLogin: c.AUTH_DEV_LOGIN,
      oidc: c.AUTH_JWKS_URL ? { authority: c.AUTH_ISSUER, clientId: c.AUTH_CLIENT_ID, scope: c.AUTH_SCOPE } : null,
      temporalWeb: c.TEMPORAL_WEB_URL ? { url: c.TEMPORAL_WEB_URL, namespace: c.TEMPORAL_NAMESPACE } : null,
    };
  }
}
