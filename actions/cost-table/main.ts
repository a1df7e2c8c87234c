import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('cost-table', async () => {
  throw new NotImplementedError('the cost-table action (monthly cloud cost table)');
});
