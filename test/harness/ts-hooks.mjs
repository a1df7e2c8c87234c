// Run the TypeScript sources directly on Node 24 (tests of the action adapter and CLI without a bundle):
// `node --experimental-transform-types --no-warnings --import ./test/harness/ts-hooks.mjs <file.ts>`.
// Node strips the types; this hook maps the `.js` suffix of relative imports to the `.ts` file beside it.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if ((specifier.startsWith('.') || specifier.startsWith('/')) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (!existsSync(fileURLToPath(new URL(specifier, context.parentURL))) && existsSync(fileURLToPath(ts))) {
        return nextResolve(ts.href, context);
      }
    }
    return nextResolve(specifier, context);
  },
});
