import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('grafana-dashboards', async () => {
  throw new NotImplementedError('the grafana-dashboards action (deploying Grafana dashboards)');
});
