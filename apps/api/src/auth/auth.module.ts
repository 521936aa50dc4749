import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DevIssuer } from './dev-issuer';
import { TokenVerifier } from './token-verifier';

@Module({
  controllers: [AuthController],
  providers: [AuthService, DevIssuer, TokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
