import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('gate', async () => {
  throw new NotImplementedError("the gate action (filtering the next stage's matrix by the previous stage's results)");
});
