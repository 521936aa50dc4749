import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@sagsflow/domain';

/** The authenticated person, as the auth guard resolved them from the token and the staff directory. */
export interface CurrentUser extends Actor {
  displayName: string;
}

export const User = createParamDecorator(
  (_: unknown, context: ExecutionContext): CurrentUser => context.switchToHttp().getRequest().user,
);
