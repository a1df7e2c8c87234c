import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('grafana-token', async () => {
  throw new NotImplementedError('the grafana-token action (Grafana service account tokens)');
});
