import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_SEARCH_ATTRIBUTE_KEYS } from '../../libs/temporal/src/shared/search-attributes';
import { freePort } from './ports';
import { resolveTemporalCli } from './temporal-cli';

export interface DevServerOptions {
  /** gRPC port; a free one when omitted. */
  port?: number;
  /** Web UI port; the UI is off when omitted. */
  uiPort?: number;
  /** SQLite file; state lives in memory only when omitted. */
  dbFilename?: string;
  /** Remote codec endpoint the Web UI calls to decode payloads. */
  uiCodecEndpoint?: string;
  /** Server dynamic configuration, e.g. `{ 'limit.historyCount.suggestContinueAsNew': 40 }`. */
  dynamicConfig?: Record<string, string | number | boolean>;
  log?: (message: string) => void;
}

export interface RunningDevServer {
  address: string;
  uiUrl?: string;
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` through the SDK's ephemeral-server support, with our search
 * attributes registered and the binary resolved by {@link resolveTemporalCli}.
 */
export async function startTemporalDevServer(options: DevServerOptions = {}): Promise<RunningDevServer> {
  const cli = resolveTemporalCli(options.log);
  options.log?.(cli.kind === 'path' ? `Temporal CLI: ${cli.path} (${cli.origin})` : 'Temporal CLI: SDK download');
  const extraArgs = [
    ...(options.dbFilename ? ['--sqlite-pragma', 'journal_mode=WAL'] : []),
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    ...Object.entries(options.dynamicConfig ?? {}).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]),
  ];
  const port = options.port ?? (await freePort());
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli.kind === 'path' ? { type: 'existing-path', path: cli.path } : { type: 'cached-download' },
      port,
      ui: options.uiPort !== undefined,
      uiPort: options.uiPort,
      dbFilename: options.dbFilename,
      searchAttributes: ALL_SEARCH_ATTRIBUTE_KEYS,
      extraArgs,
    },
  }).catch((error: unknown) => {
    // The server's own output (inherited) stands just above; this names which server it was.
    throw new Error(`The Temporal dev server (${cli.kind === 'path' ? cli.path : 'SDK download'}, port ${port}) did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
  const address = env.connection.options.address;
  return {
    address,
    uiUrl: options.uiPort !== undefined ? `http://localhost:${options.uiPort}` : undefined,
    env,
    stop: () => env.teardown(),
  };
}
