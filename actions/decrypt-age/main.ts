import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('decrypt-age', async () => {
  throw new NotImplementedError('the decrypt-age action (decrypting age-encrypted files)');
});
