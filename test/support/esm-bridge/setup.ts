// Loaded first in every test file (setupFiles): see README.md beside this file. @nestjs/core itself
// imports '@nestjs/common' by name, so common must be on the bridge before core is loaded.
const bridge = globalThis as typeof globalThis & { __flowhookEsmBridge?: Record<string, unknown> };
bridge.__flowhookEsmBridge = {};
bridge.__flowhookEsmBridge['@nestjs/common'] = await import('../../../node_modules/@nestjs/common/index.js');
bridge.__flowhookEsmBridge['@nestjs/core'] = await import('../../../node_modules/@nestjs/core/index.js');

export {};
