import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('validate', async () => {
  throw new NotImplementedError('the validate action');
});
