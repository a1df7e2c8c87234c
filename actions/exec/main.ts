import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('exec', async () => {
  throw new NotImplementedError('the exec action (logs, shell instructions, docker proxy, cluster credentials)');
});
