import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from '@sagsflow/config';

type TemporalConnectionConfig = Pick<AppConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_CA'>;

/**
 * How the API, the worker and `prepare` reach the Temporal frontend: over mutual TLS when the
 * TEMPORAL_TLS_* files are given, so that only holders of a client certificate can talk to it at all
 * (deploy/README.md). The files are read at start-up, so a missing one stops the app at once.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig): { address: string; tls?: TLSConfig } {
  const { TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_CA: ca } = config;
  if (!cert && !ca) return { address: config.TEMPORAL_ADDRESS };
  return {
    address: config.TEMPORAL_ADDRESS,
    tls: {
      ...(ca ? { serverRootCACertificate: readFileSync(ca) } : {}),
      ...(cert && key ? { clientCertPair: { crt: readFileSync(cert), key: readFileSync(key) } } : {}),
    },
  };
}
