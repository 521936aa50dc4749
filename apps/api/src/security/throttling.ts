import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AppConfig } from '@sagsflow/config';

/** Named limits: sign-in per address, intake per user. */
export const throttlers = (config: AppConfig) => [
  { name: 'login', ttl: 60_000, limit: config.RATE_LIMIT_LOGIN_PER_MINUTE },
  { name: 'intake', ttl: 60_000, limit: config.RATE_LIMIT_INTAKE_PER_MINUTE },
];

/** Counts per signed-in user where there is one (intake), else per address (sign-in). */
@Injectable()
export class UserOrAddressThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = req.user as { username?: string } | undefined;
    return user?.username ? `user:${user.username}` : `ip:${String(req.ip)}`;
  }
}
