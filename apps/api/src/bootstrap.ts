import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cors from 'cors';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@sagsflow/config';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/validation';

/** Builds the API exactly as production runs it; `main.ts` and the tests both use this. */
export async function createApi(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix('api', { exclude: ['health', 'codec/{*path}'] });
  // Only Temporal Web calls the codec from another origin; the rest of the API is same-origin.
  app.use(
    '/codec',
    cors({
      origin: config.TEMPORAL_UI_ORIGINS,
      methods: ['POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Namespace'],
      credentials: true,
      maxAge: 600,
    }),
  );
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sagsflow API')
      .setDescription('Cross-agency child-welfare case processes')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
