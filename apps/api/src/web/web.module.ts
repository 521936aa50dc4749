import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { ClientConfigController } from './client-config.controller';

/**
 * Where `npm run build` puts the web app (apps/web, built by Vite): dist/web. This file runs from
 * apps/api/src/web in tests and from dist/apps/api/src/web when built; both lead there.
 */
export function webAppRoot(): string | undefined {
  const root = resolve(__dirname, '../../../..');
  return [join(root, 'web'), join(root, 'dist', 'web')].find((dir) => existsSync(join(dir, 'index.html')));
}

/** Paths that belong to the API, not to the web app. */
const SERVER_PATHS = /^\/(api|health|codec)(\/|$)/;

/**
 * Serves the web app at `/`: its files, and index.html for every other page address (GET, not the
 * API, the health check or the codec), so that a link such as /cases/:id opens in the app. Hashed
 * asset names are cached for ever, index.html never, so a deploy is seen at once. Plain Express
 * middleware, so the API's own errors (a malformed body's 400) stay as they are.
 */
export function serveWebApp(app: NestExpressApplication): void {
  const root = webAppRoot();
  if (!root) return;
  app.useStaticAssets(root, {
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(root, 'index.html'));
  });
}

/** What the web app asks before anyone signs in (GET /api/client-config). */
@Module({ controllers: [ClientConfigController] })
export class WebModule {}
