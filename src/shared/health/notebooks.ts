/** Which bundled notebooks a hub type runs (upstream A.8, with its gaps closed: daskhub also runs the simple one). */
import { BUNDLED_NOTEBOOKS } from './notebooks/index.js';
import { parseNotebook, type Notebook } from './notebook.js';
import type { HubType } from './types.js';

export const SIMPLE_NOTEBOOK = 'simple.ipynb';
export const DASK_NOTEBOOK = 'dask_test_notebook.ipynb';
export const DASK_SCALING_NOTEBOOK = 'scale_dask_workers.ipynb';

/** A bundled notebook by file name. */
export function bundledNotebook(name: string): Notebook {
  const text = BUNDLED_NOTEBOOKS[name];
  if (text === undefined) throw new Error(`no bundled notebook ${name}`);
  return parseNotebook(text, name, `bundled:${name}`);
}

/**
 * basehub: the simple notebook; daskhub: simple + dask (+ scaling when asked); binderhub: none (a binder server needs
 * an image chosen through BinderHub, so only the hub API, the token and user management are checked).
 */
export function notebooksFor(hubType: HubType, checkDaskScaling: boolean): Notebook[] {
  switch (hubType) {
    case 'basehub':
      return [bundledNotebook(SIMPLE_NOTEBOOK)];
    case 'daskhub':
      return [SIMPLE_NOTEBOOK, DASK_NOTEBOOK, ...(checkDaskScaling ? [DASK_SCALING_NOTEBOOK] : [])].map(bundledNotebook);
    case 'binderhub':
      return [];
  }
}
