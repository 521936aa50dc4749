import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, createLogger, loadConfig } from '@sagsflow/config';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerModule } from './worker.module';
import { installTemporalRuntime } from './temporal-runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  installTemporalRuntime(createLogger(config, 'temporal-sdk'), config.WORKER_METRICS_ADDRESS);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(TemporalWorkerService).running?.catch(async (error: unknown) => {
    app.get(Logger).error({ err: error }, 'Temporal worker failed; exiting');
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
