import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('generate-cluster', async () => {
  throw new NotImplementedError('the generate-cluster action (generating a new dedicated cluster)');
});
