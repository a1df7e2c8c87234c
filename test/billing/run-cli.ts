/**
 * Run src/cli.ts as a process without blocking the test process: the fakes the CLI talks to (BigQuery, Cost Explorer,
 * Sheets) are HTTP servers inside the test process, so a spawnSync would deadlock them.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { NODE_ARGS, REPO, type Run } from '../harness/run-source.js';

export async function runCliAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<Run> {
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
