// See README.md beside this file.
module.exports = globalThis.__flowhookEsmBridge['@nestjs/common'];
