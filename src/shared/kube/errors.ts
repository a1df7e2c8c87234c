/**
 * What went wrong talking to a cluster, told apart from what kubectl and helm print (client-go's messages), so each
 * failure says what failed and what to do instead of one generic hint:
 *   refused (nothing listens at the address), dns (the name does not resolve), tls (the server's certificate is not
 *   trusted), timeout (no answer: firewall, private endpoint, VPN), unauthorized (401: credentials rejected),
 *   forbidden (403: authenticated, but RBAC does not allow it).
 */
export type ClusterFaultKind = 'refused' | 'dns' | 'tls' | 'timeout' | 'unauthorized' | 'forbidden';

export interface ClusterFault {
  kind: ClusterFaultKind;
  /** One line: what failed, for the error message. */
  what: string;
  /** What to do. */
  hint: string;
}

/** The API server address in a client-go message (`https://host:port`, or `host:port` of "connection to the server"). */
function serverOf(text: string): string | undefined {
  return (
    /(https?:\/\/[^\s"/]+)/.exec(text)?.[1] ??
    /connection to the server (\S+) was refused/.exec(text)?.[1] ??
    /lookup (\S+?)(?: on \S+)?: /.exec(text)?.[1]
  );
}

/** Classify a kubectl/helm error text; undefined when it is not a connection or permission problem. */
export function classifyClusterError(text: string): ClusterFault | undefined {
  const server = serverOf(text);
  const at = server ? ` at ${server}` : '';
  // Order matters: a DNS lookup can time out, and "TLS handshake timeout" is a timeout, not a certificate problem.
  if (/no such host|server misbehaving|Temporary failure in name resolution|lookup \S+ on \S+: /i.test(text)) {
    return {
      kind: 'dns',
      what: `the cluster's API server name${server ? ` ${server}` : ''} does not resolve (DNS)`,
      hint: 'check the server address in the cluster\'s credentials (cluster.yaml provider settings / kubeconfig), and that this machine can resolve it (private DNS, VPN)',
    };
  }
  if (/connection refused|connection to the server \S+ was refused/i.test(text)) {
    return {
      kind: 'refused',
      what: `the cluster's API server${at} refused the connection`,
      hint: 'check that the cluster is running and that the server address and port in its credentials are right (a deleted or recreated cluster has a new address)',
    };
  }
  if (/i\/o timeout|context deadline exceeded|TLS handshake timeout|Client\.Timeout|network is unreachable|no route to host|connection timed out/i.test(text)) {
    return {
      kind: 'timeout',
      what: `the cluster's API server${at} did not answer (timed out)`,
      hint: 'check that this machine can reach the API server: a private cluster endpoint, a firewall or authorized-networks list, or a VPN may be in the way',
    };
  }
  if (/x509:|tls: |certificate (is not valid|has expired|signed by unknown authority)/i.test(text)) {
    return {
      kind: 'tls',
      what: `the cluster's API server${at} presented a certificate that is not trusted (TLS)`,
      hint: 'the certificate authority in the cluster\'s credentials does not match the server: regenerate the credentials for this cluster (its CA may have been rotated)',
    };
  }
  if (/\(Unauthorized\)|\bUnauthorized$|You must be logged in to the server|asked for the client to provide credentials/im.test(text)) {
    return {
      kind: 'unauthorized',
      what: `the cluster's API server${at} rejected the credentials (401 Unauthorized)`,
      hint: 'the credentials are wrong or expired: check the cluster\'s encrypted key file (or ambient cloud login) and regenerate the token or key if it was rotated',
    };
  }
  // RBAC only: "pods is forbidden: violates PodSecurity" or "exceeded quota" are not a credentials problem.
  const who = /User "([^"]+)" cannot (\S+) resource "([^"]+)"/.exec(text);
  if (who || /\(Forbidden\)$/m.test(text)) {
    return {
      kind: 'forbidden',
      what: who ? `the cluster refused: ${who[1]} may not ${who[2]} ${who[3]} (403 Forbidden)` : 'the cluster refused the request (403 Forbidden)',
      hint: 'the credentials authenticate but lack permission: grant the deployer identity the RBAC role it needs (cluster-admin for deploys) on this cluster',
    };
  }
  return undefined;
}
