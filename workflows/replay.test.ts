import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { loadConfig } from '@sagsflow/config';
import { dataConverterFor, ENCRYPTED_ENCODING, unencryptedDataConverter } from '@sagsflow/temporal';
import { workflowSource } from '../test/support/workflow-bundle';

/**
 * Cases live for years: every history recorded from an earlier version of the workflows must still
 * replay on today's code, or the workers would fail the open cases it came from. `histories/` holds
 * real runs of the product from before the case workflow orchestrated (recorded with the fixture
 * key below), and runs of each process's main paths recorded from the workflow tests (`npm run
 * record:histories`). Record new ones whenever a change needs `patched()`, and keep the old ones.
 * Each replays with the data converter it was recorded with: the real runs with the product's,
 * the tests' (which run without encryption) with the same converters but no codec, which would
 * refuse their plain payloads.
 */
const HISTORIES = join(__dirname, 'histories');
const FIXTURE_KEY = `replay-fixture:${Buffer.alloc(32, 7).toString('base64')}`;
const CHANGED = join(__dirname, '../test/support/changed-workflows');

describe('recorded histories replay on the current workflows', () => {
  const encrypted = dataConverterFor(loadConfig({ DATABASE_URL: 'postgres://replay/none', TEMPORAL_PAYLOAD_KEYS: FIXTURE_KEY }));
  const encryptedEncoding = JSON.stringify(Buffer.from(ENCRYPTED_ENCODING).toString('base64'));
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));
  const recorded = (file: string) => {
    const text = readFileSync(join(HISTORIES, file), 'utf8');
    // Histories recorded from the tests name their workflow: a process may match on its own id.
    const { workflowId, ...history } = JSON.parse(text) as { workflowId?: string };
    return { file, history, workflowId: workflowId ?? file, encrypted: text.includes(encryptedEncoding) };
  };
  const replay = (file: string, workflowsPath: string) => {
    const { history, workflowId, encrypted: isEncrypted } = recorded(file);
    return Worker.runReplayHistory({ ...workflowSource(workflowsPath), dataConverter: isEncrypted ? encrypted : unencryptedDataConverter }, history, workflowId);
  };

  /** Why each history failed to replay on the run's bundle (undefined: it replayed), one replay worker per data converter. */
  const failures = new Map<string, Error | undefined>();
  beforeAll(async () => {
    const histories = files.map(recorded);
    for (const isEncrypted of [true, false]) {
      const group = histories.filter((h) => h.encrypted === isEncrypted);
      const results = Worker.runReplayHistories({ ...workflowSource(), dataConverter: isEncrypted ? encrypted : unencryptedDataConverter }, group);
      // Replayed one at a time, in the order given.
      let i = 0;
      for await (const { error } of results) failures.set(group[i++].file, error);
    }
  });

  it('has histories from before the read-model activities ran locally, before the case workflow orchestrated, and before processes kept their position', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'notification-remote-activities.json',
        'notification-local-activities.json',
        'case-local-activities.json',
        'notification-abuse-investigation-accepted.case-orchestration.json',
        'case-handover-decline-involvement.case-orchestration.json',
        'notification-abuse-investigation-accepted.process-steps.json',
        'case-handover-decline-involvement.process-steps.json',
      ]),
    );
  });

  it.each(files)('%s', (file) => {
    expect(failures.has(file)).toBe(true);
    expect(failures.get(file)).toBeUndefined();
  });

  describe('a change to a running process', () => {
    it('without patched() is caught: the recorded history no longer replays', async () => {
      await expect(replay('notification-local-activities.json', join(CHANGED, 'unsafe.ts'))).rejects.toBeInstanceOf(DeterminismViolationError);
    });

    it('behind patched() replays: histories from before the change run without it', async () => {
      await expect(replay('notification-local-activities.json', join(CHANGED, 'patched.ts'))).resolves.toBeUndefined();
    });
  });
});
