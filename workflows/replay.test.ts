import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { loadConfig } from '@sagsflow/config';
import { dataConverterFor } from '@sagsflow/temporal';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../apps/worker/src/workflow-bundle';

/**
 * Cases live for years: every history recorded from an earlier version of the workflows must still
 * replay on today's code, or the workers would fail the open cases it came from. Each file in
 * `histories/` is a real run (a school's notification triaged `investigation`, handed over,
 * accepted, receipt and feedback sent; and its case), recorded with the fixture key below.
 * Record a new one whenever a change needs `patched()`, and keep the old ones.
 */
const HISTORIES = join(__dirname, 'histories');
const FIXTURE_KEY = `replay-fixture:${Buffer.alloc(32, 7).toString('base64')}`;

describe('recorded histories replay on the current workflows', () => {
  const dataConverter = dataConverterFor(loadConfig({ DATABASE_URL: 'postgres://replay/none', TEMPORAL_PAYLOAD_KEYS: FIXTURE_KEY }));
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

  it('has the histories from before and after the read-model activities ran locally', () => {
    expect(files).toEqual(expect.arrayContaining(['notification-remote-activities.json', 'notification-local-activities.json']));
  });

  it.each(files)('%s', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions, dataConverter }, history, file),
    ).resolves.toBeUndefined();
  });
});
