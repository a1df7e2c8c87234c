/**
 * Notebooks: parsing an .ipynb (nbformat 4) into its code cells, and running them in order on a kernel, failing on
 * the first cell error (cell number, exception name and value) and enforcing a per-cell and a whole-run timeout.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { ExecuteTimeoutError, KernelGoneError, type ExecuteOutcome } from './kernel.js';
import { HealthFailure, type CellFailure } from './types.js';

export interface NotebookCell {
  /** 1-based position among all cells of the file. */
  index: number;
  /** 1-based position among code cells. */
  codeIndex: number;
  source: string;
}

export interface Notebook {
  /** File name, e.g. `simple.ipynb`. */
  name: string;
  /** Where it came from, for messages (`bundled` or a path). */
  origin: string;
  cells: NotebookCell[];
}

/** Parse an .ipynb's text. A notebook that is not nbformat 4 JSON is a DeployerError naming the file. */
export function parseNotebook(text: string, name: string, origin = name): Notebook {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new DeployerError(`notebook ${origin} is not valid JSON: ${(e as Error).message}`, {
      file: origin,
      hint: 'an .ipynb file is JSON (nbformat 4); save it from Jupyter',
    });
  }
  const d = doc as { nbformat?: unknown; cells?: unknown };
  if (!d || typeof d !== 'object' || !Array.isArray(d.cells)) {
    throw new DeployerError(`notebook ${origin} has no \`cells\` list`, { file: origin, hint: 'only nbformat 4 notebooks are supported' });
  }
  if (d.nbformat !== 4) {
    throw new DeployerError(`notebook ${origin} is nbformat ${String(d.nbformat)}, not 4`, {
      file: origin,
      hint: 'convert it with `jupyter nbconvert --to notebook --nbformat 4`',
    });
  }
  const cells: NotebookCell[] = [];
  d.cells.forEach((c: unknown, i: number) => {
    const cell = c as { cell_type?: unknown; source?: unknown };
    if (cell?.cell_type !== 'code') return;
    const source = Array.isArray(cell.source) ? cell.source.join('') : typeof cell.source === 'string' ? cell.source : '';
    cells.push({ index: i + 1, codeIndex: cells.length + 1, source });
  });
  if (!cells.some((c) => c.source.trim())) {
    throw new DeployerError(`notebook ${origin} has no code to run`, { file: origin, hint: 'a health-check notebook needs at least one non-empty code cell' });
  }
  return { name, origin, cells };
}

/** Read and parse a notebook file (`display` is how messages name it). */
export async function readNotebook(abs: string, display = abs): Promise<Notebook> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    throw new DeployerError(`cannot read notebook ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      file: display,
      hint: 'notebook paths are relative to the config root (action) or the current directory (CLI)',
    });
  }
  return parseNotebook(text, path.basename(abs), display);
}

/** What runs cells: a KernelConnection (an interface so the runner's rules are clear and testable). */
export interface CellExecutor {
  execute(code: string, timeoutMs: number, signal: AbortSignal): Promise<ExecuteOutcome>;
  /** Interrupt a cell that ran past its timeout (best effort). */
  interrupt(): Promise<void>;
}

export interface RunOptions {
  /** Per-cell bound (ms). */
  cellTimeoutMs: number;
  /** Whole-notebook bound (ms). */
  runTimeoutMs: number;
  signal: AbortSignal;
  onCell?: (cell: NotebookCell, outcome: ExecuteOutcome) => void;
}

export interface NotebookRun {
  name: string;
  wallMs: number;
  /** Sum of the kernel-side execution times the kernel reported. */
  kernelMs: number;
  cellsRun: number;
}

/** The first line of a cell's source, for messages. */
export function firstLine(source: string): string {
  const line = source.split('\n').find((l) => l.trim()) ?? '';
  const t = line.trim();
  return t.length > 80 ? t.slice(0, 77) + '...' : t;
}

function cellFailure(nb: Notebook, cell: NotebookCell, outcome?: Partial<ExecuteOutcome>): CellFailure {
  return {
    notebook: nb.name,
    cell: cell.index,
    code_cell: cell.codeIndex,
    source: firstLine(cell.source),
    ename: outcome?.ename,
    evalue: outcome?.evalue,
    traceback: outcome?.traceback,
  };
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Run every non-empty code cell in order. Throws HealthFailure: `notebook-error` at the first cell that raises (or is
 * aborted), `notebook-timeout` when a cell or the whole run exceeds its bound, `kernel-failed` when the kernel dies.
 */
export async function runNotebook(kernel: CellExecutor, nb: Notebook, options: RunOptions): Promise<NotebookRun> {
  const t0 = performance.now();
  const deadline = t0 + options.runTimeoutMs;
  let kernelMs = 0;
  let cellsRun = 0;
  for (const cell of nb.cells) {
    if (!cell.source.trim()) continue;
    const remaining = deadline - performance.now();
    const where = `cell ${cell.index} of ${nb.name} (\`${firstLine(cell.source)}\`)`;
    if (remaining <= 0) {
      throw new HealthFailure('notebook-timeout', `${nb.name} did not finish within its whole-run timeout of ${seconds(options.runTimeoutMs)}; ${where} did not start`, {
        cell: cellFailure(nb, cell),
      });
    }
    const byRun = remaining < options.cellTimeoutMs;
    const timeoutMs = Math.min(options.cellTimeoutMs, remaining);
    let outcome: ExecuteOutcome;
    try {
      outcome = await kernel.execute(cell.source, timeoutMs, options.signal);
    } catch (e) {
      if (e instanceof ExecuteTimeoutError) {
        await kernel.interrupt();
        const bound = byRun
          ? `${nb.name}'s whole-run timeout of ${seconds(options.runTimeoutMs)}`
          : `the per-cell timeout of ${seconds(options.cellTimeoutMs)}`;
        throw new HealthFailure('notebook-timeout', `${where} was still running after ${bound}`, { cell: cellFailure(nb, cell) });
      }
      if (e instanceof KernelGoneError) {
        throw new HealthFailure('kernel-failed', `${e.message} while running ${where}`, { cell: cellFailure(nb, cell) });
      }
      throw e;
    }
    cellsRun++;
    kernelMs += outcome.kernelMs ?? 0;
    options.onCell?.(cell, outcome);
    if (outcome.status !== 'ok') {
      const what = outcome.status === 'aborted' ? 'was aborted by the kernel' : `raised ${outcome.ename ?? 'an error'}${outcome.evalue ? `: ${outcome.evalue}` : ''}`;
      throw new HealthFailure('notebook-error', `${where} ${what}`, { cell: cellFailure(nb, cell, outcome) });
    }
  }
  return { name: nb.name, wallMs: performance.now() - t0, kernelMs, cellsRun };
}
