import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AgencyGuard } from './allow';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DevIssuer } from './dev-issuer';
import { TokenVerifier } from './token-verifier';

@Module({
  controllers: [AuthController],
  // Guards run in this order: who you are, then whether your agency may call the endpoint.
  providers: [
    AuthService,
    DevIssuer,
    TokenVerifier,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: AgencyGuard },
  ],
})
export class AuthModule {}
