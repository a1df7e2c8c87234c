/** Small helpers shared by the cilogon room. */
export { getKeyPath } from '../changes/index.js';

export function isMappingValue(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
