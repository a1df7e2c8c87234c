/** The AWS side against the local Cost Explorer fake (AWS JSON 1.1, SigV4 checked): request, metric, paging, errors. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AWS_COST_METRIC, awsMonthTotals, costAndUsageInput } from '../../src/shared/billing/cost-explorer.js';
import { startFakeCostExplorer, type FakeCostExplorer } from '../harness/cost-explorer-api.js';

const PAYER = { accessKeyId: 'AKIAPAYER0000000001', secretAccessKey: 'payer/secret+key0000000000000000000000', account: '999988887777', canSee: ['111122223333', '000011112222'] };
const MEMBER = { accessKeyId: 'AKIAMEMBER000000001', secretAccessKey: 'member/secret+key000000000000000000000', account: '111122223333' };

describe('GetCostAndUsage against the fake', () => {
  let ce: FakeCostExplorer;
  beforeAll(async () => {
    ce = await startFakeCostExplorer({
      keys: [PAYER, MEMBER],
      costs: { '111122223333': { '2025-11': '10.10', '2025-12': '1234.5678', '2026-01': '-2.00' }, '000011112222': { '2026-01': '5' } },
      pageSize: 2,
    });
  });
  afterAll(async () => ce.stop());

  const call = (over: Partial<Parameters<typeof awsMonthTotals>[0]> = {}) =>
    awsMonthTotals({ cluster: 'aws-c', project: 'aws-c', account: '111122223333', range: { start: '2025-11', end: '2026-01' }, credentials: PAYER, endpoint: ce.url, timeoutMs: 30_000, ...over });

  it('asks MONTHLY NetUnblendedCost for the months of the range (End exclusive) filtered to the cluster\'s account, across pages', async () => {
    const before = ce.requests.length;
    const totals = await call();
    expect(totals).toEqual([
      { period: '2025-11', project: 'aws-c', cost: 10.1, currency: 'USD' },
      { period: '2025-12', project: 'aws-c', cost: 1234.5678, currency: 'USD' },
      { period: '2026-01', project: 'aws-c', cost: -2, currency: 'USD' },
    ]);
    const sent = ce.requests.slice(before);
    expect(sent).toHaveLength(2); // 3 months, 2 per page
    expect(sent[0].body).toEqual({
      TimePeriod: { Start: '2025-11-01', End: '2026-02-01' },
      Granularity: 'MONTHLY',
      Metrics: [AWS_COST_METRIC],
      Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: ['111122223333'] } },
    });
    expect(sent[1].body.NextPageToken).toBe('page-2');
    expect(sent.every((r) => r.target === 'AWSInsightsIndexService.GetCostAndUsage')).toBe(true);
    expect(AWS_COST_METRIC).toBe('NetUnblendedCost');
  });

  it('a single month is one period', async () => {
    expect(costAndUsageInput({ start: '2025-12', end: '2025-12' }, undefined)).toEqual({ TimePeriod: { Start: '2025-12-01', End: '2026-01-01' }, Granularity: 'MONTHLY', Metrics: ['NetUnblendedCost'] });
    expect(await call({ range: { start: '2025-12', end: '2025-12' } })).toEqual([{ period: '2025-12', project: 'aws-c', cost: 1234.5678, currency: 'USD' }]);
  });

  it("a cluster's own key without aws.account asks for its own account's costs (no filter)", async () => {
    const before = ce.requests.length;
    expect((await call({ account: undefined, credentials: MEMBER })).map((t) => t.cost)).toEqual([10.1, 1234.5678, -2]);
    expect(ce.requests[before].body.Filter).toBeUndefined();
    expect(ce.requests[before].accessKeyId).toBe(MEMBER.accessKeyId);
  });

  it('a wrong secret fails the signature check; the error names the cluster, the API and the status, never the secret', async () => {
    let message = '';
    try {
      await call({ credentials: { accessKeyId: PAYER.accessKeyId, secretAccessKey: 'not-the-secret' } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^cluster aws-c: AWS Cost Explorer GetCostAndUsage failed \(HTTP 403\): InvalidSignatureException/);
    expect(message).not.toContain('not-the-secret');
  });

  it('an AccessDenied answer is reported with a hint about ce:GetCostAndUsage', async () => {
    ce.failAccount('000011112222', 400, 'AccessDeniedException', 'User: arn:aws:iam::999988887777:user/x is not authorized to perform: ce:GetCostAndUsage');
    await expect(call({ cluster: 'denied', account: '000011112222' })).rejects.toMatchObject({
      message: expect.stringMatching(/cluster denied: AWS Cost Explorer GetCostAndUsage failed \(HTTP 400\): AccessDeniedException: User: .* not authorized/),
      hint: expect.stringMatching(/ce:GetCostAndUsage/),
    });
  });
});
