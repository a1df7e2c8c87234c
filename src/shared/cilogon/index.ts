/** CILogon OIDC client management for hubs (cilogon-client): the API client, where credentials are stored, and the operations. */
export { CilogonApi, CilogonApiError, CILOGON_URL, CILOGON_CLIENT_LIMIT, bearerValue, clientBody, callbackUrl, type CilogonClient, type AdminCredentials } from './api.js';
export { ADMIN_CREDENTIALS_FILE, type CilogonOptions } from './context.js';
export { hubSecretFile, storedClient, writeLayout, credentialsPatch, AUTHENTICATOR_PATH } from './store.js';
export {
  createClient,
  updateClient,
  getClient,
  getAllClients,
  deleteClient,
  cleanupClients,
  publicClient,
  PROTECTED_CLIENTS,
  type CreateResult,
  type DeleteResult,
  type CleanupResult,
  type CleanupFinding,
  type ClientList,
} from './operations.js';
export { runOperation, OPERATIONS, type Operation, type OperationRequest, type OperationResult } from './run.js';
