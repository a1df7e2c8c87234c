/**
 * The Google Sheet output (upstream A.16): the worksheet is cleared, then written with the warning row, the update
 * time, the header and the data rows, through the Sheets REST API v4 with a google-auth-library client.
 * Worksheet: the one the URL's `gid` names, else the first (upstream: worksheet 0).
 */
import type { AuthClient } from 'google-auth-library';
import { DeployerError, UsageError } from '../errors.js';
import { withTimeout } from './errors.js';

export const SHEETS_API = 'https://sheets.googleapis.com';

export interface SheetRef {
  id: string;
  gid?: number;
}

export function parseSheetUrl(url: string): SheetRef {
  const m = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url.trim());
  if (!m) throw new UsageError(`not a Google Sheets URL: \`${url}\``, 'use the address of the sheet, https://docs.google.com/spreadsheets/d/<id>/edit#gid=<n>');
  const gid = /[#?&]gid=(\d+)/.exec(url);
  return { id: m[1], ...(gid ? { gid: Number(gid[1]) } : {}) };
}

interface GaxiosErrorLike {
  status?: number;
  message?: string;
  response?: { status?: number; data?: { error?: { message?: string; status?: string } } };
}

function sheetsError(call: string, e: unknown): DeployerError {
  if (e instanceof DeployerError) return e;
  const err = e as GaxiosErrorLike;
  const status = err.response?.status ?? err.status;
  const detail = err.response?.data?.error?.message ?? err.message ?? String(e);
  return new DeployerError(`Google Sheets ${call} failed${status ? ` (HTTP ${status})` : ''}: ${detail.replace(/\s+/g, ' ').slice(0, 300)}`, {
    hint: status === 403 || status === 401 ? 'share the sheet (Editor) with the service account or workload identity that runs this, and allow the spreadsheets scope' : status === 404 ? 'check the sheet URL' : undefined,
  });
}

export interface WriteSheetOptions {
  url: string;
  rows: Array<Array<string | number>>;
  authClient: AuthClient;
  /** API root (default https://sheets.googleapis.com); for tests. */
  endpoint?: string;
  timeoutMs?: number;
}

/** Clear the worksheet and write `rows` from A1. Returns the worksheet title. */
export async function writeSheet(opts: WriteSheetOptions): Promise<string> {
  const ref = parseSheetUrl(opts.url);
  const base = `${(opts.endpoint ?? SHEETS_API).replace(/\/+$/, '')}/v4/spreadsheets/${encodeURIComponent(ref.id)}`;
  const timeout = opts.timeoutMs ?? 120_000;
  const call = async <T>(name: string, req: { url: string; method?: 'GET' | 'POST' | 'PUT'; data?: unknown }): Promise<T> => {
    try {
      const res = await withTimeout(opts.authClient.request<T>({ ...req, timeout, responseType: 'json' }), timeout, () => new DeployerError(`Google Sheets ${name}: no answer within ${Math.round(timeout / 1000)} s`));
      return res.data;
    } catch (e) {
      throw sheetsError(name, e);
    }
  };
  const meta = await call<{ sheets?: Array<{ properties?: { sheetId?: number; title?: string; index?: number } }> }>('spreadsheets.get', {
    url: `${base}?fields=${encodeURIComponent('sheets.properties(sheetId,title,index)')}`,
  });
  const sheets = (meta.sheets ?? []).map((s) => s.properties ?? {});
  const sheet = ref.gid !== undefined ? sheets.find((s) => s.sheetId === ref.gid) : [...sheets].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0];
  if (!sheet?.title) {
    throw new DeployerError(ref.gid !== undefined ? `the spreadsheet has no worksheet with gid ${ref.gid}` : 'the spreadsheet has no worksheet', { hint: 'check the sheet URL' });
  }
  const range = `'${sheet.title.replace(/'/g, "''")}'`;
  await call('values.clear', { url: `${base}/values/${encodeURIComponent(range)}:clear`, method: 'POST', data: {} });
  await call('values.update', {
    url: `${base}/values/${encodeURIComponent(`${range}!A1`)}?valueInputOption=RAW`,
    method: 'PUT',
    data: { range: `${range}!A1`, majorDimension: 'ROWS', values: opts.rows },
  });
  return sheet.title;
}
