import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { NestFactory } from '@nestjs/core';
import cors from 'cors';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@sagsflow/config';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/validation';
import { ErrorBodyFilter } from './security/error-body.filter';
import { sheddingLoadAbove } from './security/load-shedding';
import { serveWebApp } from './web/web.module';

/** Builds the API exactly as production runs it; `main.ts` and the tests both use this. */
export async function createApi(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(sheddingLoadAbove(config.API_MAX_IN_FLIGHT));
  // A notification is text, not files: 100 kB is generous and keeps floods out.
  app.useBodyParser('json', { limit: '100kb' });
  app.set('trust proxy', 'loopback');
  // Strict security headers everywhere; the OpenAPI page needs inline scripts and styles.
  const strict = helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(config) } });
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next));
  app.useGlobalFilters(new ErrorBodyFilter());
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
  serveWebApp(app);
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

/**
 * The web app loads only its own scripts (no eval, no inline script). It talks to the API, and to
 * the identity provider for sign-in and silent renew (an iframe); plain-HTTP installations
 * (development) are not forced to HTTPS.
 */
function contentSecurityPolicy(config: AppConfig): Record<string, string[] | null> {
  const issuer = URL.canParse(config.AUTH_ISSUER) ? [new URL(config.AUTH_ISSUER).origin] : [];
  return {
    'connect-src': ["'self'", ...issuer],
    'frame-src': ["'self'", ...issuer],
    'upgrade-insecure-requests': config.PUBLIC_URL.startsWith('https:') ? [] : null,
  };
}
