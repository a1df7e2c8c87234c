/** The health check's vocabulary: failure classes, the result object (the action's `result` output, `--json`). */

/** Why a check failed, from the outside in. */
export const CLASSIFICATIONS = [
  'hub-unreachable', // no answer from the hub URL (DNS, TLS, connection refused, 5xx from the proxy, no response)
  'auth-failed', // the hub refused the token, or the token lacks a scope the check needs
  'spawn-failed', // the hub reported that the user's server failed to start
  'spawn-timeout', // the server did not become ready in time (pod pending, image pull, scale-up...)
  'server-not-ready', // the hub said ready, but the server does not answer through the proxy
  'kernel-failed', // a kernel could not be started, connected to, or died
  'notebook-error', // a cell raised an exception
  'notebook-timeout', // a cell or a notebook ran past its timeout
  'cleanup-failed', // the health-check user's server could not be stopped or the user could not be deleted
] as const;

export type Classification = (typeof CLASSIFICATIONS)[number];

export type HubType = 'basehub' | 'daskhub' | 'binderhub';

/** Milliseconds, rounded. Absent when the step was not reached. */
export interface Timings {
  /** Hub API answering: version + token identity. */
  hub_response_ms?: number;
  /** Server request to ready (or to failure). */
  spawn_ms?: number;
  /** Kernel request to the kernel answering kernel_info. */
  kernel_start_ms?: number;
  /** Per notebook (file name): wall time of its execution, as seen by the check. */
  notebooks?: Record<string, number>;
  /** Per notebook: time the kernel itself spent executing cells (from its execute_reply metadata). */
  notebooks_kernel_ms?: Record<string, number>;
  /** Stopping the server and deleting the user. */
  cleanup_ms?: number;
  total_ms?: number;
}

/** A cell that failed, for messages and the summary. */
export interface CellFailure {
  notebook: string;
  /** 1-based position in the notebook, counting every cell (as the file lists them). */
  cell: number;
  /** 1-based among code cells. */
  code_cell: number;
  /** The first line of the cell's source (trimmed, capped). */
  source: string;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface AttemptResult {
  attempt: number;
  status: 'passed' | 'failed';
  classification?: Classification;
  message?: string;
  /** Spawn progress messages seen, in order (KubeSpawner: pod pending, scheduling, image pulls). */
  progress: string[];
  timings: Timings;
  /** The failing cell, for notebook-error and notebook-timeout. */
  cell?: CellFailure;
  /** When the check itself failed for another reason and cleanup failed as well. */
  cleanup_error?: string;
}

export interface HealthResult {
  status: 'passed' | 'failed';
  classification?: Classification;
  message?: string;
  attempts: AttemptResult[];
  /** The last attempt's timings, plus total_ms over every attempt. */
  timings: Timings;
  /** The hub name (from the config), or the URL's host for a hub given by URL. */
  hub: string;
  hub_url: string;
  hub_type: HubType;
  /** Notebooks run by each attempt, in order. */
  notebooks: string[];
  /** What was checked when spawning is not (binderhub): e.g. `hub-api`. */
  scope: 'full' | 'hub-api';
}

/** A classified failure inside an attempt. */
export class HealthFailure extends Error {
  readonly classification: Classification;
  readonly cell?: CellFailure;
  constructor(classification: Classification, message: string, options: { cell?: CellFailure; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HealthFailure';
    this.classification = classification;
    this.cell = options.cell;
  }
}
