import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { CaseworkModule, ProcessOutboxModule } from '@sagsflow/casework';
import { AppConfig, ConfigModule, loggerOptions } from '@sagsflow/config';
import { PersistenceModule } from '@sagsflow/persistence';
import { TemporalClientModule } from '@sagsflow/temporal';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CodecModule } from './codec/codec.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProcessesModule } from './processes/processes.module';
import { throttlers } from './security/throttling';
import { StaffModule } from './staff/staff.module';
import { TasksModule } from './tasks/tasks.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: { ...loggerOptions(config, 'api'), autoLogging: config.NODE_ENV !== 'test' },
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
        PersistenceModule.forRoot(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
        ThrottlerModule.forRoot(throttlers(config)),
        TemporalClientModule,
        CaseworkModule,
        ProcessOutboxModule,
        AuthModule,
        AuditModule,
        CasesModule,
        CodecModule,
        HealthModule,
        EventsModule,
        NotificationsModule,
        ProcessesModule,
        StaffModule,
        TasksModule,
        WebModule,
      ],
    };
  }
}
