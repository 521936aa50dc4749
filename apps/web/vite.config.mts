import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/lib/compileSchemaValidatorsCode.js';
import { defineConfig, type Plugin, runnerImport } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** The web app: built into dist/web, which the API serves at `/` (apps/api/src/web). */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [outcomeValidators()],
  resolve: {
    alias: {
      '@sagsflow/domain': resolve(root, 'libs/domain/src'),
      // The design system's package exports only its script; its style sheet is taken by path.
      'dkfds/css': resolve(root, 'node_modules/dkfds/dist/css/dkfds.min.css'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // React Router marks its modules "use client" for server components; a browser bundle has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

/**
 * `virtual:outcome-validators`: each task kind's outcome schema (libs/domain) with its validators
 * compiled to code at build time, so the task form validates without ajv compiling in the browser
 * (ajv compiles with `new Function`, which the Content-Security-Policy forbids: no 'unsafe-eval').
 * One module per kind, `virtual:outcome-validators/<kind>`, whose default export is what
 * createPrecompiledValidator takes (the validate function of each schema and sub-schema by its
 * hash), and an index naming them with the schema each was compiled from.
 */
function outcomeValidators(): Plugin {
  const name = 'virtual:outcome-validators';
  const resolved = `\0${name}`;
  // The root's `ajv` is version 6 (eslint's); rjsf brings ajv 8, whose 2020-12 class and runtime helpers these need.
  const rjsfValidator = createRequire(import.meta.url).resolve('@rjsf/validator-ajv8');
  const Ajv2020 = createRequire(rjsfValidator)('ajv/dist/2020') as NonNullable<Parameters<typeof compileSchemaValidatorsCode>[1]>['AjvClass'];
  // libs/domain, run by Vite itself: imported into this file, its TypeScript would make Vite warn on every build
  // that a future config loader cannot load it.
  let domain: Promise<Domain> | undefined;
  const loadDomain = () =>
    (domain ??= runnerImport<Domain>(resolve(root, 'libs/domain/src/index.ts'), { configFile: false, logLevel: 'warn' }).then((r) => r.module));
  const kindsOf = ({ TASK_KINDS }: Domain) => Object.keys(TASK_KINDS) as TaskKind[];
  return {
    name: 'sagsflow-outcome-validators',
    async resolveId(id, importer) {
      if (id === name) return resolved;
      if (id.startsWith(`${name}/`) && kindsOf(await loadDomain()).includes(id.slice(name.length + 1) as TaskKind)) return `\0${id}`;
      // The generated code imports ajv's runtime (and ajv-formats): take them where rjsf's ajv 8 is.
      if (importer?.startsWith(resolved) && /^ajv(-formats)?(\/|$)/.test(id)) return this.resolve(id, rjsfValidator, { skipSelf: true });
      return undefined;
    },
    async load(id) {
      if (id !== resolved && !id.startsWith(`${resolved}/`)) return undefined;
      const { outcomeJsonSchema, ...rest } = await loadDomain();
      const kinds = kindsOf({ outcomeJsonSchema, ...rest });
      if (id === resolved) {
        const imports = kinds.map((kind, i) => `import validators${i} from '${name}/${kind}';`);
        const entries = kinds.map((kind, i) => `  ${JSON.stringify(kind)}: { schema: ${JSON.stringify(outcomeJsonSchema(kind))}, validateFns: validators${i} },`);
        return `${imports.join('\n')}\nexport const outcomeValidators = {\n${entries.join('\n')}\n};\n`;
      }
      const kind = id.slice(resolved.length + 1) as TaskKind;
      // CommonJS, turned into a module below: ajv cannot name ES exports after the hashes that key
      // sub-schemas (rjsf-team/react-jsonschema-form#4436), and `require`s its runtime either way.
      return asEsModule(compileSchemaValidatorsCode(outcomeJsonSchema(kind), { AjvClass: Ajv2020, ajvOptionsOverrides: { code: { source: true } } }));
    },
  };
}

type Domain = typeof import('../../libs/domain/src');
type TaskKind = import('../../libs/domain/src').TaskKind;

/**
 * ajv's standalone code as an ES module: each `require("…")` becomes an import, and the
 * `exports["<hash>"] = validateN;` lines one default export of those functions by hash.
 */
function asEsModule(commonJs: string): string {
  const dependencies: string[] = [];
  const exported: string[] = [];
  const body = commonJs
    .replace(/^"use strict";/, '')
    .replace(/exports(?:\[("[^"]+")\]|\.([A-Za-z_$][\w$]*)) = (validate\d+);/g, (_, quoted: string | undefined, bare: string | undefined, fn: string) => {
      exported.push(`${quoted ?? JSON.stringify(bare)}: ${fn}`);
      return '';
    })
    .replace(/require\(("[^"]+")\)/g, (_, module: string) => {
      const index = dependencies.includes(module) ? dependencies.indexOf(module) : dependencies.push(module) - 1;
      return `dependency${index}`;
    });
  if (/\b(require|exports|module)\b[.[(]/.test(body)) throw new Error('outcome validators: CommonJS left in the generated code');
  const imports = dependencies.map((module, i) => `import * as dependency${i} from ${module};`);
  return `${imports.join('\n')}\n${body}\nexport default { ${exported.join(', ')} };\n`;
}
