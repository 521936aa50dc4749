import { ApiProperty } from '@nestjs/swagger';

export class OidcClientDto {
  @ApiProperty({ description: 'The OIDC issuer (AUTH_ISSUER)' }) authority: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ example: 'openid profile' }) scope: string;
}

export class TemporalWebDto {
  @ApiProperty() url: string;
  @ApiProperty() namespace: string;
}

export class ClientConfigDto {
  @ApiProperty({ description: 'Development sign-in as a demo user (POST /api/auth/dev-login)' }) devLogin: boolean;
  @ApiProperty({ type: OidcClientDto, nullable: true, description: 'Sign-in with OpenID Connect (authorization code + PKCE)' })
  oidc: OidcClientDto | null;
  @ApiProperty({ type: TemporalWebDto, nullable: true }) temporalWeb: TemporalWebDto | null;
}
