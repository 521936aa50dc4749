import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ClientConfigController } from './client-config.controller';

/**
 * Where `npm run build` puts the web app (apps/web, built by Vite): dist/web. This file runs from
 * apps/api/src/web in tests and from dist/apps/api/src/web when built; both lead there.
 */
export function webAppRoot(): string | undefined {
  const root = resolve(__dirname, '../../../..');
  return [join(root, 'web'), join(root, 'dist', 'web')].find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * The web app at `/`: its files, and index.html for every other path that is not the API, the
 * health check or the codec, so that a link such as /cases/:id opens in the app.
 */
@Module({})
export class WebModule {
  static forRoot(): DynamicModule {
    const rootPath = webAppRoot();
    return {
      module: WebModule,
      controllers: [ClientConfigController],
      imports: rootPath
        ? [
            ServeStaticModule.forRoot({
              rootPath,
              exclude: ['/api/{*path}', '/health', '/codec/{*path}'],
              // Hashed file names may be cached for ever; index.html never, so a deploy is seen at once.
              serveStaticOptions: {
                setHeaders: (res, path) =>
                  res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
              },
            }),
          ]
        : [],
    };
  }
}
