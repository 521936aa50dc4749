import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CaseworkModule, MailRelay, OutboxRelay, ProcessOutboxModule } from '@sagsflow/casework';
import { AppConfig, ConfigModule, loggerOptions } from '@sagsflow/config';
import { PersistenceModule } from '@sagsflow/persistence';
import { TemporalClientModule } from '@sagsflow/temporal';
import { ACTIVITY_CLASSES } from '../../../activities';
import { EndedProcessSweep } from './ended-process-sweep';
import { TemporalWorkerService } from './temporal-worker.service';

/** The worker process: no HTTP, just activities (from DI), the Temporal worker that runs them, the e-mail and outbox relays and the ended-process sweep. */
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
        TemporalClientModule,
        ProcessOutboxModule,
      ],
      providers: [...ACTIVITY_CLASSES, MailRelay, OutboxRelay, EndedProcessSweep, TemporalWorkerService],
    };
  }
}
