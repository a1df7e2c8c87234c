/** What authenticating to a cluster yields: an isolated environment for kubectl/helm, never process.env. */
export interface KubeAccess {
  /** The whole environment to run kubectl/helm with (KUBECONFIG set to a private file; provider credentials only here). */
  env: NodeJS.ProcessEnv;
  /** Absolute path of the private kubeconfig (0600, inside a 0700 temp dir). */
  kubeconfigPath: string;
  /** Remove every temp file (decrypted keys, kubeconfig). Safe to call twice. */
  dispose(): Promise<void>;
}

export interface AuthOptions {
  /** Use credentials already present in the workflow (OIDC auth actions) instead of decrypting a key file. */
  ambient?: boolean;
  /**
   * Where ambient credentials come from (default process.env): the caller's KUBECONFIG, AWS_*, GOOGLE_*,
   * CLOUDSDK_*, AZURE_* and ARM_* variables that `env` lacks are taken from here. A tool environment such as the exec
   * runner's base environment has them removed on purpose, yet "ambient" means the caller's own.
   */
  ambientEnv?: NodeJS.ProcessEnv;
}
