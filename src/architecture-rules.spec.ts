import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The gate of `npm run lint:deps`, run through dependency-cruiser's API: each rule must catch a small
// tree built to break it, and the repository's own src must pass.

const ROOT = process.cwd();
const TSCONFIG = { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } };

async function violationsIn(baseDir: string): Promise<string[]> {
  const config = await extractDepcruiseConfig(join(ROOT, '.dependency-cruiser.cjs'));
  const tsConfigFile = join(baseDir, 'tsconfig.json');
  const { output } = await cruise(
    ['src'],
    {
      ...config.options,
      baseDir,
      tsConfig: { fileName: tsConfigFile },
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
    },
    undefined,
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  return (output as ICruiseResult).summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`);
}

/** Writes `files` (path → source) under a fresh temporary directory shaped like this repository. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowhook-architecture-'));
  for (const [path, source] of Object.entries({ 'tsconfig.json': JSON.stringify(TSCONFIG), ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return dir;
}

const moduleB = {
  'src/modules/b/index.ts': "export { BService } from './b.service.js';\n",
  'src/modules/b/b.service.ts':
    "import { BEntity } from './entities/b.entity.js';\nexport class BService { entity = BEntity; }\n",
  'src/modules/b/b.store.ts': 'export class BStore {}\n',
  'src/modules/b/entities/b.entity.ts': 'export class BEntity {}\n',
};

describe('architecture rules (.dependency-cruiser.cjs)', () => {
  const dirs: string[] = [];
  const cruiseTree = (files: Record<string, string>) => {
    const dir = tree(files);
    dirs.push(dir);
    return violationsIn(dir);
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('lets a module use another through its index.ts', async () => {
    const a = "import { BService } from '../b/index.js';\nexport const a = BService;\n";
    expect(await cruiseTree({ ...moduleB, 'src/modules/a/a.service.ts': a })).toEqual([]);
  });

  it.each([
    [
      "another module's entity",
      {
        'src/modules/a/a.service.ts':
          "import { BEntity } from '../b/entities/b.entity.js';\nexport const a = BEntity;\n",
      },
      'module-persistence-stays-inside: src/modules/a/a.service.ts → src/modules/b/entities/b.entity.ts',
    ],
    [
      "another module's store, even from a unit spec",
      { 'src/modules/a/a.spec.ts': "import { BStore } from '../b/b.store.js';\nexport const a = BStore;\n" },
      'module-persistence-stays-inside: src/modules/a/a.spec.ts → src/modules/b/b.store.ts',
    ],
    [
      "another module's file",
      { 'src/modules/a/a.service.ts': "import { BService } from '../b/b.service.js';\nexport const a = BService;\n" },
      'modules-import-through-index: src/modules/a/a.service.ts → src/modules/b/b.service.ts',
    ],
    [
      "a module's file, from the bootstrap",
      { 'src/app.module.ts': "import { BService } from './modules/b/b.service.js';\nexport const app = BService;\n" },
      'app-imports-modules-through-index: src/app.module.ts → src/modules/b/b.service.ts',
    ],
    [
      'a module, from platform/',
      { 'src/platform/p.ts': "import { BService } from '../modules/b/index.js';\nexport const p = BService;\n" },
      'platform-not-to-modules: src/platform/p.ts → src/modules/b/index.ts',
    ],
    [
      'test code, from src/',
      {
        'src/platform/p.ts': "import { t } from '../../test/t.js';\nexport const p = t;\n",
        'test/t.ts': 'export const t = 1;\n',
      },
      'src-not-to-tests: src/platform/p.ts → test/t.ts',
    ],
    [
      'an import cycle',
      {
        'src/modules/a/x.ts': "import { y } from './y.js';\nexport const x = () => y;\n",
        'src/modules/a/y.ts': "import { x } from './x.js';\nexport const y = () => x;\n",
      },
      'no-circular: src/modules/a/x.ts → src/modules/a/y.ts',
    ],
  ])('refuses %s', async (_case, files, violation) => {
    expect(await cruiseTree({ ...moduleB, ...files })).toContain(violation);
  });

  it('passes on the repository', async () => {
    expect(await violationsIn(ROOT)).toEqual([]);
  }, 120_000);
});
