/** The Grafana room: an HTTP API client, where the repo keeps addresses and credentials, and the three capabilities. */
export { GrafanaApiError, GrafanaClient, type GrafanaAuth, type GrafanaClientOptions } from './client.js';
export { grafanaToken, grafanaUrlOf, hasGrafanaIngress, loadSupportValues, prometheusAccess, TOKEN_FILE, TOKEN_KEY } from './config.js';
export { DASHBOARD_HEADER, dashboardRows, deployDashboards, type DashboardRow, type DeployDashboardsOptions, type DeployDashboardsResult } from './dashboards.js';
export { dashboardUid, DEFAULT_FOLDER_NAME, DEFAULT_FOLDER_UID, type DashboardSet } from './render.js';
export { newGrafanaToken, type NewTokenOptions, type NewTokenResult } from './token.js';
export {
  centralCandidates,
  DATASOURCE_HEADER,
  datasourceRows,
  DEFAULT_CENTRAL_CLUSTER,
  removeCentralDatasource,
  syncCentralDatasources,
  type DatasourceRow,
  type SyncResult,
} from './datasources.js';
