import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Agency } from '@sagsflow/domain';
import type { CurrentUser } from './current-user';

const ALLOWED_AGENCIES = 'sagsflow:allowed-agencies';

/** Declares, next to an endpoint, which agencies may call it; enforced by {@link AgencyGuard}. */
export const Allow = (...agencies: Agency[]) => SetMetadata(ALLOWED_AGENCIES, agencies);

/** Runs after authentication: refuses (403) a user whose agency an endpoint does not allow. */
@Injectable()
export class AgencyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<Agency[] | undefined>(ALLOWED_AGENCIES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const user: CurrentUser | undefined = context.switchToHttp().getRequest().user;
    if (!allowed || !user) return true;
    if (!allowed.includes(user.agency)) throw new ForbiddenException(`Only ${allowed.join(', ')} may do this`);
    return true;
  }
}
