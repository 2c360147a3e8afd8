// Runs the @nestjs/swagger CLI plugin over src/ and writes src/metadata.ts, which SwaggerModule loads:
// DTO types, enums and doc comments become OpenAPI schemas without hand-written @ApiProperty on every field.
// One path for `tsc` builds and swc-compiled tests alike. The plugin's options, the source root and the
// tsconfig come from nest-cli.json, their one source.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SWAGGER_PLUGIN = '@nestjs/swagger';
const METADATA_FILE = 'metadata.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nestCli = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
const swaggerPlugin = nestCli.compilerOptions.plugins.find((plugin) => plugin.name === SWAGGER_PLUGIN);
if (!swaggerPlugin) throw new Error(`nest-cli.json: compilerOptions.plugins has no "${SWAGGER_PLUGIN}" entry`);
const sourceRoot = join(root, nestCli.sourceRoot);

// The generator type-checks the project, including the previous output: start from a clean slate.
rmSync(join(sourceRoot, METADATA_FILE), { force: true });
new PluginMetadataGenerator().generate({
  visitors: [new ReadonlyVisitor({ ...swaggerPlugin.options, pathToSource: sourceRoot })],
  outputDir: sourceRoot,
  filename: METADATA_FILE,
  tsconfigPath: nestCli.compilerOptions.tsConfigPath, // relative to the working directory, as Nest's CLI reads it
  printDiagnostics: false,
});
