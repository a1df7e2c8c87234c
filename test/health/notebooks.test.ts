// The bundled notebooks: index.ts is generated from the .ipynb files (the editable source) and must match them; each
// parses and has the cells upstream's notebooks have (A.8). Plus the notebook parser's refusals, located.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../../src/shared/errors.js';
import { parseNotebook } from '../../src/shared/health/notebook.js';
import { bundledNotebook } from '../../src/shared/health/notebooks.js';
import { BUNDLED_NOTEBOOKS } from '../../src/shared/health/notebooks/index.js';

const dir = path.resolve(import.meta.dirname, '../../src/shared/health/notebooks');

describe('bundled notebooks', () => {
  it('index.ts is up to date with the .ipynb files (else run `node src/shared/health/notebooks/generate.mjs`)', async () => {
    const { renderIndex } = (await import(path.join(dir, 'generate.mjs'))) as { renderIndex: (d: string) => string };
    expect(readFileSync(path.join(dir, 'index.ts'), 'utf8')).toBe(renderIndex(dir));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort();
    expect(Object.keys(BUNDLED_NOTEBOOKS).sort()).toEqual(files);
  });

  it('simple.ipynb: the nine code cells of upstream, the sleep among them', () => {
    const nb = bundledNotebook('simple.ipynb');
    expect(nb.cells).toHaveLength(9);
    expect(nb.cells.map((c) => c.source.split('\n')[0])).toEqual([
      'a = 1',
      "print('Hello, world!')",
      'a',
      '# This is a comment',
      'def fib(n):',
      'fib(20)',
      'import time',
      'time.sleep(2 * random.random())',
      '',
    ]);
  });

  it('dask notebooks: a local computation; scaling creates, scales, waits, scales down and closes a Gateway cluster', () => {
    expect(bundledNotebook('dask_test_notebook.ipynb').cells.map((c) => c.source)).toEqual([
      'import dask.array as da',
      'a = da.ones(shape=(1000, 1000), chunks=(500, 500))',
      'a.mean().compute()',
    ]);
    const scaling = bundledNotebook('scale_dask_workers.ipynb').cells.map((c) => c.source);
    expect(scaling.slice(1)).toEqual(['import dask_gateway', 'cluster = dask_gateway.GatewayCluster()', 'client = cluster.get_client()', 'cluster.scale(1)', 'client.wait_for_workers(1)', 'cluster.scale(0)', 'cluster.close()']);
  });
});

describe('parseNotebook', () => {
  const refuse = (text: string) => {
    try {
      parseNotebook(text, 'x.ipynb', 'health/x.ipynb');
    } catch (e) {
      expect(e).toBeInstanceOf(DeployerError);
      expect((e as DeployerError).file).toBe('health/x.ipynb');
      return (e as DeployerError).message;
    }
    throw new Error('accepted');
  };
  it('refuses what is not an nbformat 4 notebook with code, naming the file', () => {
    expect(refuse('{"cells": [')).toMatch(/^notebook health\/x\.ipynb is not valid JSON/);
    expect(refuse('{"nbformat": 4}')).toBe('notebook health/x.ipynb has no `cells` list');
    expect(refuse('{"nbformat": 3, "cells": []}')).toBe('notebook health/x.ipynb is nbformat 3, not 4');
    expect(refuse('{"nbformat": 4, "cells": [{"cell_type": "markdown", "source": "# hi"}]}')).toBe('notebook health/x.ipynb has no code to run');
  });
  it('numbers cells as the file lists them, and code cells among themselves', () => {
    const nb = parseNotebook(JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'markdown', source: 'm' }, { cell_type: 'code', source: ['a = 1\n', 'b = 2'] }, { cell_type: 'raw', source: 'r' }, { cell_type: 'code', source: 'c' }] }), 'n.ipynb');
    expect(nb.cells).toEqual([
      { index: 2, codeIndex: 1, source: 'a = 1\nb = 2' },
      { index: 4, codeIndex: 2, source: 'c' },
    ]);
  });
});
