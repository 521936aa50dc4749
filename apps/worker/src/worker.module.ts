import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CaseworkModule, MailRelay } from '@sagsflow/casework';
import { AppConfig, ConfigModule, loggerOptions } from '@sagsflow/config';
import { PersistenceModule } from '@sagsflow/persistence';
import { ACTIVITY_CLASSES } from '../../../activities';
import { TemporalWorkerService } from './temporal-worker.service';

/** The worker process: no HTTP, just activities (from DI), the Temporal worker that runs them, and the e-mail relay. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: loggerOptions(config, 'worker'), forRoutes: [] }),
        PersistenceModule.forRoot(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
        CaseworkModule,
      ],
      providers: [...ACTIVITY_CLASSES, MailRelay, TemporalWorkerService],
    };
  }
}
