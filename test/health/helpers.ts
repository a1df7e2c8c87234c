/** Shared by the health-check tests: notebooks made on the fly and the "nothing left behind" assertion. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseNotebook, type Notebook } from '../../src/shared/health/notebook.js';
import type { LocalHub } from '../harness/jupyterhub.js';

/** An nbformat 4 notebook's JSON text: a markdown cell first, then one code cell per source. */
export function notebookText(sources: string[]): string {
  return JSON.stringify({
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# made by a test'] },
      ...sources.map((s) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: s.split(/(?<=\n)/) })),
    ],
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

export function notebook(name: string, sources: string[]): Notebook {
  return parseNotebook(notebookText(sources), name);
}

export function writeNotebook(dir: string, name: string, sources: string[]): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, notebookText(sources));
  return file;
}

/** The hub knows no user and runs no server (checked through its API). */
export async function expectNothingLeft(hub: LocalHub): Promise<void> {
  expect(await hub.userNames()).toEqual([]);
  expect(await hub.activeServers()).toEqual([]);
}

/** Options that keep a failing test short (a healthy spawn here takes ~1 s). */
export const FAST = { attempts: 1, retryDelayMs: 0, attemptTimeoutMs: 60_000, cleanupTimeoutMs: 30_000 } as const;
