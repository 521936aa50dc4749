import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CaseworkModule } from '@sagsflow/casework';
import { AppConfig, ConfigModule, loggerOptions } from '@sagsflow/config';
import { PersistenceModule } from '@sagsflow/persistence';
import { ACTIVITY_CLASSES } from '../../../activities';
import { TemporalWorkerService } from './temporal-worker.service';

/** The worker process: no HTTP, just activities (from DI) and the Temporal worker that runs them. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: loggerOptions(config, 'worker'), forRoutes: [] }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        CaseworkModule,
      ],
      providers: [...ACTIVITY_CLASSES, TemporalWorkerService],
    };
  }
}
