/** Hub and support deployment (the deploy and deploy-support actions and CLI commands). */
export { deployHubs, selectHubs, daskGatewayCrdUrls, chartDaskGatewayVersion, DEFAULT_DASK_GATEWAY_VERSION } from './hubs.js';
export { deploySupport, certManagerCrdsUrl, DEFAULT_CERT_MANAGER_VERSION, JETSTACK_REPO } from './support.js';
export { hubResultRows, releaseResultRows, RESULT_HEADER, SUPPORT_HEADER } from './report.js';
export type * from './types.js';
