import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { runBundlePath } from '../support/workflow-bundle';

const ROOT = resolve(__dirname, '../..');

describe('workflow code guards', () => {
  it('bundles every workflow with the Temporal bundler (no Node or server-only imports)', () => {
    // Bundled by the global setup with the production bundler options; a bundling error fails the run there.
    const code = readFileSync(runBundlePath(), 'utf8');
    expect(code).toContain('notificationWorkflow');
    expect(code).not.toMatch(/require\(["'](typeorm|@nestjs\/core|pg)["']\)/);
    // The prebuilt bundle (production) refuses forged arguments in every workflow.
    expect(code).toContain('class RefuseForgedArguments');
  });

  // The project's real lint configuration, loaded without ESLint's dynamic import (unsupported in Jest).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: require('../../eslint.config.js') });
  const lintWorkflow = async (source: string) =>
    (await eslint.lintText(source, { filePath: 'workflows/notification/example.workflow.ts' }))[0].messages.map(
      (m) => m.ruleId,
    );

  it.each([
    ["import { readFileSync } from 'node:fs';"],
    ["import { randomUUID } from 'crypto';"],
    ["import { Injectable } from '@nestjs/common';"],
    ["import { Repository } from 'typeorm';"],
    ["import { IsString } from 'class-validator';"],
    ["import { Client } from '@temporalio/client';"],
    ["import { TaskRepository } from '@sagsflow/persistence';"],
  ])('the lint rule rejects `%s` in workflows/', async (line) => {
    expect(await lintWorkflow(`${line}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('the lint rule rejects an Update handler without a validator (refused arguments are rejected in validation)', async () => {
    const source = (options: string) =>
      [
        "import { defineUpdate, setHandler } from '@temporalio/workflow';",
        "const renameUpdate = defineUpdate<void, [string]>('rename');",
        `setHandler(renameUpdate, () => undefined${options});`,
        '',
      ].join('\n');
    expect(await lintWorkflow(source(''))).toContain('no-restricted-syntax');
    expect(await lintWorkflow(source(', { validator: () => undefined }'))).toEqual([]);
  });

  it('the lint rule accepts the imports workflows are meant to use', async () => {
    const source = [
      "import { sleep } from '@temporalio/workflow';",
      "import { triageDueAt } from '@sagsflow/domain';",
      "import { SearchAttributeKeys } from '@sagsflow/temporal/shared';",
      "import type { TaskActivities } from '../../activities';",
      'export const used = [sleep, triageDueAt, SearchAttributeKeys] as unknown as TaskActivities;',
      '',
    ].join('\n');
    expect(await lintWorkflow(source)).toEqual([]);
  });
});
