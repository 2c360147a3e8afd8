// Runs the @nestjs/swagger CLI plugin over src/ and writes src/metadata.ts, which SwaggerModule loads:
// DTO types, enums and doc comments become OpenAPI schemas without hand-written @ApiProperty on every field.
// One path for `tsc` builds and swc-compiled tests alike.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The generator type-checks the project, including the previous output: start from a clean slate.
rmSync(join(root, 'src', 'metadata.ts'), { force: true });
new PluginMetadataGenerator().generate({
  visitors: [
    new ReadonlyVisitor({
      introspectComments: true,
      classValidatorShim: true,
      dtoFileNameSuffix: ['.dto.ts', '.response.ts'],
      controllerFileNameSuffix: ['.controller.ts'],
      pathToSource: join(root, 'src'),
    }),
  ],
  outputDir: join(root, 'src'),
  filename: 'metadata.ts',
  tsconfigPath: 'tsconfig.build.json',
  printDiagnostics: false,
});
