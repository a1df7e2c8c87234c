// Test helper: report on stderr every heavy module (ajv, Kubernetes, GitHub clients) a process resolves.
import { registerHooks } from 'node:module';
registerHooks({ resolve(s, c, next) { const r = next(s, c); if (/node_modules\/(ajv|@kubernetes|@actions\/github|@octokit)/.test(r.url)) process.stderr.write('LOADED ' + r.url.replace(/.*node_modules\//, '') + '\n'); return r; } });
