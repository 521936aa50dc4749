import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Agency, AGENCIES, STAFF_AGENCIES } from '@sagsflow/domain';
import type { CurrentUser } from './current-user';
import { IS_PUBLIC } from './public.decorator';

const ALLOWED_AGENCIES = 'sagsflow:allowed-agencies';

/** Declares, next to an endpoint, which agencies may call it; enforced by {@link AgencyGuard}. */
export const Allow = (...agencies: Agency[]) => SetMetadata(ALLOWED_AGENCIES, agencies);

export const STAFF = STAFF_AGENCIES;
export const EVERYONE = AGENCIES;

/**
 * Runs after authentication: refuses (403) a user whose agency an endpoint does not allow. Fails
 * closed: an endpoint that declares neither @Allow nor @Public is refused to everyone.
 */
@Injectable()
export class AgencyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Agency[] | undefined>(ALLOWED_AGENCIES, targets);
    const user: CurrentUser | undefined = context.switchToHttp().getRequest().user;
    if (!allowed) throw new ForbiddenException('This endpoint declares no access rule');
    if (!user || !allowed.includes(user.agency)) throw new ForbiddenException(`Only ${allowed.join(', ')} may do this`);
    return true;
  }
}
