import { runAction } from '../../src/action/adapter.js';
import { NotImplementedError } from '../../src/shared/errors.js';

await runAction('cilogon-client', async () => {
  throw new NotImplementedError('the cilogon-client action (CILogon OIDC client management)');
});
