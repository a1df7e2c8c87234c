/**
 * A local fake of the three Sheets API v4 calls the cost table makes, with Google's auth rules (see
 * bigquery-api.ts: STS tokens or a service account's self-signed JWT with the spreadsheets scope):
 * - `GET /v4/spreadsheets/{id}?fields=...`: the worksheets' properties (sheetId, title, index);
 * - `POST /v4/spreadsheets/{id}/values/{range}:clear`: empties a worksheet (range = a quoted sheet title);
 * - `PUT /v4/spreadsheets/{id}/values/{range}?valueInputOption=RAW|USER_ENTERED`: writes rows from the range's
 *   top-left cell (`'Title'!A1`), refusing a body whose `range` differs from the URL's or a missing valueInputOption.
 * Cells are kept per worksheet for assertions. Bound to 127.0.0.1 on a free port.
 */
import http from 'node:http';
import { close, googleError, listen, readBody, sendJson, type GoogleAuthCheck } from './bigquery-api.js';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export interface FakeSheets {
  url: string;
  /** The cells of one worksheet, row by row. */
  cells(spreadsheetId: string, title: string): Array<Array<string | number>>;
  /** Calls in order, e.g. `values.clear 'Sheet1'`. */
  calls: string[];
  failNext(status: number, message: string): void;
  stop(): Promise<void>;
}

/** `'Sheet 1'!A1` / `Sheet1` -> { title, cell } */
function parseRange(range: string): { title: string; cell?: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([A-Za-z0-9_]+))(?:!([A-Z]+[0-9]+))?$/.exec(range);
  if (!m) return undefined;
  return { title: (m[1] ?? m[2]).replace(/''/g, "'"), cell: m[3] };
}

export async function startFakeSheets(options: { auth: GoogleAuthCheck; spreadsheets: Record<string, Array<{ sheetId: number; title: string; cells?: Array<Array<string | number>> }>> }): Promise<FakeSheets> {
  const books = new Map(Object.entries(options.spreadsheets).map(([id, sheets]) => [id, sheets.map((s, index) => ({ ...s, index, cells: s.cells ?? [] }))]));
  const calls: string[] = [];
  let failure: { status: number; message: string } | undefined;
  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      const denied = options.auth.check(req.headers.authorization, SHEETS_SCOPE);
      if (denied) return googleError(res, 401, 'unauthorized', denied);
      if (failure) {
        const f = failure;
        failure = undefined;
        return googleError(res, f.status, 'forbidden', f.message);
      }
      const m = /^\/v4\/spreadsheets\/([^/]+)(?:\/values\/([^/]+?)(:clear)?)?$/.exec(u.pathname);
      const book = m ? books.get(decodeURIComponent(m[1])) : undefined;
      if (!m || !book) return googleError(res, 404, 'notFound', 'Requested entity was not found.');
      if (!m[2] && req.method === 'GET') {
        calls.push('spreadsheets.get');
        return sendJson(res, 200, { sheets: book.map((s) => ({ properties: { sheetId: s.sheetId, title: s.title, index: s.index } })) });
      }
      const range = parseRange(decodeURIComponent(m[2] ?? ''));
      const sheet = range && book.find((s) => s.title === range.title);
      if (!range || !sheet) return googleError(res, 400, 'badRequest', `Unable to parse range: ${decodeURIComponent(m[2] ?? '')}`);
      if (m[3] && req.method === 'POST') {
        calls.push(`values.clear ${range.title}`);
        sheet.cells = [];
        return sendJson(res, 200, { spreadsheetId: m[1], clearedRange: `'${range.title}'!A1:Z1000` });
      }
      if (!m[3] && req.method === 'PUT') {
        const mode = u.searchParams.get('valueInputOption');
        if (mode !== 'RAW' && mode !== 'USER_ENTERED') return googleError(res, 400, 'badRequest', "'valueInputOption' is required but not specified");
        const data = JSON.parse(body) as { range?: string; majorDimension?: string; values?: Array<Array<string | number>> };
        if (data.range && data.range !== decodeURIComponent(m[2])) return googleError(res, 400, 'badRequest', 'Requested writing within range in the body does not match the URL');
        if (range.cell !== 'A1' || (data.majorDimension && data.majorDimension !== 'ROWS')) return googleError(res, 400, 'badRequest', 'the fake writes rows from A1 only');
        calls.push(`values.update ${range.title} ${mode}`);
        const values = data.values ?? [];
        values.forEach((row, i) => (sheet.cells[i] = [...row]));
        return sendJson(res, 200, { spreadsheetId: m[1], updatedRange: `'${range.title}'!A1`, updatedRows: values.length, updatedColumns: Math.max(0, ...values.map((r) => r.length)), updatedCells: values.reduce((a, r) => a + r.length, 0) });
      }
      return googleError(res, 404, 'notFound', `no such endpoint ${req.method} ${u.pathname}`);
    } catch (e) {
      googleError(res, 500, 'internalError', String(e));
    }
  });
  const url = await listen(server);
  return {
    url,
    calls,
    cells: (id, title) => books.get(id)?.find((s) => s.title === title)?.cells ?? [],
    failNext: (status, message) => void (failure = { status, message }),
    stop: () => close(server),
  };
}
