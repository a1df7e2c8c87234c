/**
 * Which pods a tool means (upstream A.14.1/A.14.2): the component selector table and KubeSpawner's user-name escaping.
 */
import { UsageError } from '../errors.js';

export interface ComponentSelector {
  selector: string;
  /** The container to read; undefined: the pod's only (or default) container. */
  container?: string;
}

/** Upstream's table, exactly: `kubectl -n <hub> logs <these>`. */
export const COMPONENTS = {
  hub: { selector: 'component=hub', container: 'hub' },
  proxy: { selector: 'component=proxy' },
  'dask-gateway-api': { selector: 'app.kubernetes.io/component=gateway' },
  'dask-gateway-controller': { selector: 'app.kubernetes.io/component=controller' },
  'dask-gateway-traefik': { selector: 'app.kubernetes.io/component=traefik' },
} as const satisfies Record<string, ComponentSelector>;

export type Component = keyof typeof COMPONENTS;
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as Component[];

export function componentSelector(component: string): ComponentSelector {
  if (!(component in COMPONENTS)) {
    throw new UsageError(`unknown component \`${component}\``, `use one of ${COMPONENT_NAMES.join(', ')}`);
  }
  return COMPONENTS[component as Component];
}

const SAFE = /^[a-z0-9]$/;

/**
 * KubeSpawner's escaping of a user name for labels and pod names:
 * `escapism.escape(name, safe=set(a-z0-9), escape_char='-').lower()`: every character outside a-z0-9 (upper case
 * letters included) becomes `-` plus the upper-case hex of each of its UTF-8 bytes, then the whole is lower-cased.
 * `user@2i2c.org` -> `user-402i2c-2eorg`.
 */
export function escapeUsername(name: string): string {
  let out = '';
  for (const ch of name) {
    if (SAFE.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += '-' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out.toLowerCase();
}

/** The selector and container of a user's server pod. */
export function userSelector(username: string): ComponentSelector {
  if (!username) throw new UsageError('the user name is empty', 'pass the JupyterHub user name, e.g. user@example.org');
  return { selector: `hub.jupyter.org/username=${escapeUsername(username)}`, container: 'notebook' };
}
