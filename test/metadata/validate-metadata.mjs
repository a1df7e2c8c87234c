#!/usr/bin/env node
// Validates GitHub Actions metadata offline with @actions/languageservice (the engine behind the VS Code extension):
// `node test/metadata/validate-metadata.mjs FILE...` prints a JSON list of {file, diagnostics: [{line, col, message,
// severity}]} and exits 0 (the caller decides what is fatal). A file is validated as a workflow when its path matches
// `.github/workflows/*.yml`, as action metadata when it is named `action.yml`.
//
// The language service's packages import their JSON schemas without import attributes, which Node rejects; a module
// resolve hook adds `type: 'json'` to those imports. It runs in its own process so jest's module system is not involved.
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { registerHooks } = nodeModule;
if (typeof registerHooks !== 'function') {
  console.error(`validate-metadata: Node ${process.versions.node} has no module.registerHooks; run it on Node 24 (.ci/run installs it into .tools/node24)`);
  process.exit(2);
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    if (resolved.url.endsWith('.json') && !context.importAttributes?.type) {
      return { ...resolved, importAttributes: { ...context.importAttributes, type: 'json' } };
    }
    return resolved;
  },
});

const { validate } = await import('@actions/languageservice');
const { TextDocument } = await import('vscode-languageserver-textdocument');

// Severity numbers of the Language Server Protocol; the language service leaves parser errors without one.
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

const results = [];
for (const file of process.argv.slice(2)) {
  const abs = path.resolve(file);
  const doc = TextDocument.create(pathToFileURL(abs).href, 'yaml', 1, readFileSync(abs, 'utf8'));
  const diagnostics = await validate(doc);
  results.push({
    file,
    diagnostics: diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      message: d.message,
      severity: SEVERITY[d.severity ?? 1] ?? 'error',
    })),
  });
}
process.stdout.write(JSON.stringify(results) + '\n');
