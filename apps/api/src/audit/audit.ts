import { CallHandler, ExecutionContext, ForbiddenException, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { type AuditAction, AuditRepository, type PendingChange } from '@sagsflow/persistence';
import type { CurrentUser } from '../auth/current-user';

const AUDIT = 'sagsflow:audit';

export interface AuditDeclaration {
  action: AuditAction;
  /** What the endpoint touches: case, notification, task, payloads. */
  what: string;
  /** Why it is used, unless the user states it in an `X-Purpose` header. */
  purpose: string;
  /** Where the case id is: a response field (default `caseId`) or a route parameter. */
  caseIdFrom?: { body: string } | { param: string } | 'none';
}

/** Declares, next to an endpoint, that calling it reads or changes a case's personal data. */
export const Audit = (declaration: AuditDeclaration) => SetMetadata(AUDIT, declaration);

const PURPOSE = /^[\p{L}\p{N} .,:;()/-]{3,200}$/u;

/**
 * Records every successful audited call in the append-only audit log before the response leaves:
 * who, when, which case, what and why. If the entry cannot be written, the call fails. A change the
 * API makes in its own transaction is recorded in that transaction. A call refused with 403 is
 * recorded as `refused`.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const declaration = this.reflector.get<AuditDeclaration | undefined>(AUDIT, context.getHandler());
    if (!declaration) return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user: CurrentUser }>();
    const stated = request.header('x-purpose');
    const purpose = stated && PURPOSE.test(stated) ? stated : declaration.purpose;
    const { username, agency } = request.user;
    const detail = { method: request.method, route: request.route?.path ?? request.path };
    const entry = { username, agency, action: declaration.action, what: declaration.what, purpose, detail };
    // A change the API makes in its own transaction writes the entry there (appendPendingIn); one
    // made elsewhere (a workflow Update) is recorded here once it succeeded.
    const pending: PendingChange = { entry, written: false };
    const handled =
      declaration.action === 'read'
        ? next.handle()
        : new Observable<unknown>((subscriber) => this.audit.withPendingChange(pending, () => next.handle().subscribe(subscriber)));
    return handled.pipe(
      mergeMap((body) => {
        if (pending.written) return of(body);
        const caseId = caseIdOf(declaration, body as Record<string, unknown>, request.params);
        return from(this.audit.append({ ...entry, caseId }).then(() => body));
      }),
      // A refused attempt on case data is recorded too: who tried what, where, never the data.
      catchError((error: unknown) => {
        if (!(error instanceof ForbiddenException)) throw error;
        const caseId = caseIdOf(declaration, {}, request.params);
        return from(this.audit.append({ ...entry, caseId, action: 'refused', detail: { ...detail, status: 403 } }).then(() => Promise.reject(error)));
      }),
    );
  }
}

function caseIdOf(declaration: AuditDeclaration, body: Record<string, unknown>, params: Record<string, unknown>): string | null {
  const source = declaration.caseIdFrom ?? { body: 'caseId' };
  if (source === 'none') return null;
  const value = 'param' in source ? params[source.param] : body?.[source.body];
  return typeof value === 'string' ? value : null;
}
