import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';
import { temporalConnectionOptions } from './connection-options';
import { dataConverterFor } from './data-converter';

/**
 * The API's one Temporal client. The connection is lazy so the API starts (and reports Temporal as
 * down on /health) even while the Temporal server is unreachable.
 */
@Injectable()
export class TemporalClient extends Client implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      connection: Connection.lazy(temporalConnectionOptions(config)),
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter: dataConverterFor(config),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({ providers: [TemporalClient], exports: [TemporalClient] })
export class TemporalClientModule {}
