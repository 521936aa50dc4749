import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A fresh `id:base64key` entry for TEMPORAL_PAYLOAD_KEYS. */
export function newPayloadKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/**
 * The development installation's payload keys, made on the first start and kept beside its data
 * (readable by this user only), so histories written before a restart still decode after it.
 */
export function developmentPayloadKeys(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${newPayloadKey('dev1')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
