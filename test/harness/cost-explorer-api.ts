/**
 * A local fake of AWS Cost Explorer's `GetCostAndUsage`, speaking the AWS JSON 1.1 protocol as the real endpoint does:
 * `POST /` with `Content-Type: application/x-amz-json-1.1` and `X-Amz-Target: AWSInsightsIndexService.GetCostAndUsage`,
 * signed with SigV4 (`Authorization: AWS4-HMAC-SHA256 Credential=<id>/<date>/us-east-1/ce/aws4_request, ...`,
 * `X-Amz-Date`): the signature is recomputed with the secret of the access key and compared, as AWS does.
 * It checks the request (TimePeriod dates, End after Start, MONTHLY granularity, known metrics, a LINKED_ACCOUNT filter
 * only for accounts the caller may see) and answers one ResultsByTime entry per month from the fixture amounts,
 * `pageSize` months per page with NextPageToken. Errors are AWS JSON errors (`__type`, `message`,
 * `x-amzn-ErrorType`). Bound to 127.0.0.1 on a free port.
 */
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import { close, listen, readBody } from './bigquery-api.js';

export interface FakeAwsKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** The account the key belongs to. */
  account: string;
  /** Accounts whose costs this key may see through a LINKED_ACCOUNT filter (a payer account sees its members). */
  canSee?: string[];
}

export interface FakeCostExplorerOptions {
  keys: FakeAwsKey[];
  /** account -> `YYYY-MM` -> amount (decimal string). Months without an entry answer "0". */
  costs: Record<string, Record<string, string>>;
  pageSize?: number;
  latencyMs?: number;
  unit?: string;
}

export interface RecordedCeRequest {
  accessKeyId: string;
  target: string;
  body: Record<string, unknown>;
}

export interface FakeCostExplorer {
  url: string;
  requests: RecordedCeRequest[];
  /** Answer requests about `account` with this AWS error. */
  failAccount(account: string, status: number, type: string, message: string): void;
  stop(): Promise<void>;
}

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

/** Recompute the SigV4 signature of a request (the checks AWS makes before anything else). */
function verifySigV4(req: http.IncomingMessage, body: string, keys: FakeAwsKey[]): { key?: FakeAwsKey; error?: string } {
  const auth = req.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { error: 'MissingAuthenticationTokenException' };
  const [, id, day, region, service, signed, signature] = m;
  const key = keys.find((k) => k.accessKeyId === id);
  if (!key) return { error: 'UnrecognizedClientException' };
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(day) || region !== 'us-east-1' || service !== 'ce') return { error: 'InvalidSignatureException' };
  const names = signed.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return { error: 'InvalidSignatureException' };
  const u = new URL(req.url ?? '/', 'http://x');
  const query = [...u.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).sort().join('&');
  const headers = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [req.method, u.pathname, query, headers, signed, sha256(body)].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const kDate = hmac(`AWS4${key.secretAccessKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, region), service), 'aws4_request');
  if (createHmac('sha256', kSigning).update(toSign).digest('hex') !== signature) return { error: 'InvalidSignatureException' };
  return { key };
}

export async function startFakeCostExplorer(options: FakeCostExplorerOptions): Promise<FakeCostExplorer> {
  const requests: RecordedCeRequest[] = [];
  const failures = new Map<string, { status: number; type: string; message: string }>();
  const pageSize = options.pageSize ?? 100;
  const error = (res: http.ServerResponse, status: number, type: string, message: string) => {
    const text = JSON.stringify({ __type: type, message });
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type, 'x-amzn-requestid': 'fake-request', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const server = http.createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/') return error(res, 404, 'UnknownOperationException', 'not found');
      if (req.headers['content-type'] !== 'application/x-amz-json-1.1') return error(res, 400, 'SerializationException', 'expected Content-Type application/x-amz-json-1.1');
      const sig = verifySigV4(req, body, options.keys);
      if (!sig.key) return error(res, sig.error === 'InvalidSignatureException' ? 403 : 400, sig.error!, 'The request signature we calculated does not match the signature you provided.');
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target !== 'AWSInsightsIndexService.GetCostAndUsage') return error(res, 400, 'UnknownOperationException', `unknown operation ${target}`);
      const input = JSON.parse(body) as {
        TimePeriod?: { Start?: string; End?: string };
        Granularity?: string;
        Metrics?: string[];
        Filter?: { Dimensions?: { Key?: string; Values?: string[] } };
        NextPageToken?: string;
      };
      requests.push({ accessKeyId: sig.key.accessKeyId, target, body: input as Record<string, unknown> });
      const { Start = '', End = '' } = input.TimePeriod ?? {};
      if (!/^\d{4}-\d{2}-\d{2}$/.test(Start) || !/^\d{4}-\d{2}-\d{2}$/.test(End) || Start >= End) return error(res, 400, 'ValidationException', 'Start date (and hour) should be before end date (and hour)');
      if (input.Granularity !== 'MONTHLY') return error(res, 400, 'ValidationException', 'this fake serves MONTHLY granularity');
      const valid = ['AmortizedCost', 'BlendedCost', 'NetAmortizedCost', 'NetUnblendedCost', 'NormalizedUsageAmount', 'UnblendedCost', 'UsageQuantity'];
      if (!input.Metrics?.length || input.Metrics.some((x) => !valid.includes(x))) return error(res, 400, 'ValidationException', `invalid metrics ${input.Metrics}`);
      let account = sig.key.account;
      if (input.Filter) {
        const d = input.Filter.Dimensions;
        if (d?.Key !== 'LINKED_ACCOUNT' || d.Values?.length !== 1) return error(res, 400, 'ValidationException', 'this fake serves one LINKED_ACCOUNT filter');
        account = d.Values[0];
        if (account !== sig.key.account && !(sig.key.canSee ?? []).includes(account)) {
          // Cost Explorer answers empty groups for accounts outside the caller's organisation; answer zeros.
          account = `(invisible ${account})`;
        }
      }
      const failure = failures.get(account);
      if (failure) return error(res, failure.status, failure.type, failure.message);
      const months: string[] = [];
      for (let d = new Date(`${Start.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 10) < End; d.setUTCMonth(d.getUTCMonth() + 1)) months.push(d.toISOString().slice(0, 7));
      const from = input.NextPageToken ? Number(input.NextPageToken.replace('page-', '')) : 0;
      const slice = months.slice(from, from + pageSize);
      const next = from + pageSize < months.length ? `page-${from + pageSize}` : undefined;
      const results = slice.map((month) => {
        const [y, mo] = month.split('-').map(Number);
        const end = new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10);
        const amount = options.costs[account]?.[month] ?? '0';
        return {
          TimePeriod: { Start: `${month}-01`, End: end < End ? end : End },
          Total: Object.fromEntries(input.Metrics!.map((x) => [x, { Amount: amount, Unit: options.unit ?? 'USD' }])),
          Groups: [],
          Estimated: false,
        };
      });
      const text = JSON.stringify({ ResultsByTime: results, DimensionValueAttributes: [], ...(next ? { NextPageToken: next } : {}) });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-request', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    } catch (e) {
      error(res, 500, 'InternalServerError', String(e));
    }
  });
  const url = await listen(server);
  return {
    url,
    requests,
    failAccount: (account, status, type, message) => void failures.set(account, { status, type, message }),
    stop: () => close(server),
  };
}
