import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CaseworkModule } from '@sagsflow/casework';
import { AppConfig, ConfigModule, loggerOptions } from '@sagsflow/config';
import { PersistenceModule } from '@sagsflow/persistence';
import { TemporalClientModule } from '@sagsflow/temporal';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CodecModule } from './codec/codec.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { TasksModule } from './tasks/tasks.module';

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
        PersistenceModule.forRoot(config.DATABASE_URL),
        TemporalClientModule,
        CaseworkModule,
        AuthModule,
        CasesModule,
        CodecModule,
        HealthModule,
        EventsModule,
        NotificationsModule,
        TasksModule,
      ],
    };
  }
}
