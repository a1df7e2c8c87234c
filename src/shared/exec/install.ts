/**
 * Tool installs for GitHub Actions: helm, kubectl, sops and jsonnet (go-jsonnet) at pinned versions, each download
 * checked against a SHA-256 checksum committed below BEFORE anything is extracted or made executable, then cached
 * with @actions/tool-cache (RUNNER_TOOL_CACHE) so later steps and jobs on the runner reuse it.
 *
 * Order of preference for a tool:
 *   1. `DEPLOYER_<TOOL>` (explicit override, used as is);
 *   2. the tool on PATH, if its version is acceptable (ACCEPT below);
 *   3. in Actions only: the tool cache, else a verified download of the pinned release.
 * Outside Actions (the CLI) nothing is downloaded: a missing tool is a DeployerError naming it and how to get it.
 *
 * `DEPLOYER_TOOL_MIRROR` (a base URL) replaces the download host: `<mirror>/<original host><original path>`, e.g.
 * `https://mirror.example/get.helm.sh/helm-v3.18.4-linux-amd64.tar.gz`. The checksum is the same either way, so a
 * mirror cannot change what gets installed.
 *
 * Where the checksums come from (see the report of the issue that added them): helm's get.helm.sh `.sha256sum`
 * files, kubectl's dl.k8s.io `kubectl.sha256`, sops's `sops-v3.9.4.checksums.txt`, go-jsonnet's `checksums.txt`,
 * each cross-checked in several independent public repositories that pin the same release.
 *
 * This module imports @actions/tool-cache lazily (only when a download is needed), so the CLI never loads it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { runTool } from './run.js';
import { onShutdown } from './shutdown.js';
import { TOOL_HINTS, toolPath } from './tools.js';

export type InstallableTool = 'helm' | 'kubectl' | 'sops' | 'jsonnet';

export interface ToolAsset {
  url: string;
  sha256: string;
  /** `binary`: the download is the executable; `tar.gz`: an archive holding it at `entry`. */
  kind: 'binary' | 'tar.gz';
  /** Path of the executable inside the archive (archives only). */
  entry?: string;
}

export interface PinnedTool {
  version: string;
  /** The linux-x64 asset (GitHub-hosted runners). */
  url: string;
  sha256: string;
  /** Every pinned platform, keyed `<process.platform>-<process.arch>`. */
  platforms: Record<string, ToolAsset>;
}

function pinned(version: string, platforms: Record<string, ToolAsset>): PinnedTool {
  const x64 = platforms['linux-x64'];
  return { version, url: x64.url, sha256: x64.sha256, platforms };
}

export const TOOL_VERSIONS: Record<InstallableTool, PinnedTool> = {
  helm: pinned('3.18.4', {
    'linux-x64': {
      url: 'https://get.helm.sh/helm-v3.18.4-linux-amd64.tar.gz',
      sha256: 'f8180838c23d7c7d797b208861fecb591d9ce1690d8704ed1e4cb8e2add966c1',
      kind: 'tar.gz',
      entry: 'linux-amd64/helm',
    },
    'linux-arm64': {
      url: 'https://get.helm.sh/helm-v3.18.4-linux-arm64.tar.gz',
      sha256: 'c0a45e67eef0c7416a8a8c9e9d5d2d30d70e4f4d3f7bea5de28241fffa8f3b89',
      kind: 'tar.gz',
      entry: 'linux-arm64/helm',
    },
  }),
  kubectl: pinned('1.33.1', {
    'linux-x64': {
      url: 'https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl',
      sha256: '5de4e9f2266738fd112b721265a0c1cd7f4e5208b670f811861f699474a100a3',
      kind: 'binary',
    },
    'linux-arm64': {
      url: 'https://dl.k8s.io/release/v1.33.1/bin/linux/arm64/kubectl',
      sha256: 'd595d1a26b7444e0beb122e25750ee4524e74414bbde070b672b423139295ce6',
      kind: 'binary',
    },
  }),
  sops: pinned('3.9.4', {
    'linux-x64': {
      url: 'https://github.com/getsops/sops/releases/download/v3.9.4/sops-v3.9.4.linux.amd64',
      sha256: '5488e32bc471de7982ad895dd054bbab3ab91c417a118426134551e9626e4e85',
      kind: 'binary',
    },
    'linux-arm64': {
      url: 'https://github.com/getsops/sops/releases/download/v3.9.4/sops-v3.9.4.linux.arm64',
      sha256: '16564c6b181d88505d9e0dfef62771894293d85cde5884d9b1a843859eee174b',
      kind: 'binary',
    },
  }),
  jsonnet: pinned('0.20.0', {
    'linux-x64': {
      url: 'https://github.com/google/go-jsonnet/releases/download/v0.20.0/go-jsonnet_0.20.0_Linux_x86_64.tar.gz',
      sha256: 'a137c5e969609c3995c4d05817a247cfef8a92760c5306c3ad7df0355dd62970',
      kind: 'tar.gz',
      entry: 'jsonnet',
    },
    'linux-arm64': {
      url: 'https://github.com/google/go-jsonnet/releases/download/v0.20.0/go-jsonnet_0.20.0_Linux_arm64.tar.gz',
      sha256: '49fbc99c91dcd2be53fa856307de3b8708c91dc5c74740714fdf9317957322e0',
      kind: 'tar.gz',
      entry: 'jsonnet',
    },
  }),
};

interface VersionProbe {
  args: string[];
  /** Pulls `major.minor.patch` out of the output. */
  pattern: RegExp;
  /** The lowest acceptable version (inclusive) and the first unacceptable major (exclusive), if any. */
  min: [number, number, number];
  belowMajor?: number;
  /** Output a version should show (go-jsonnet's `Go implementation`); when it does not, the log says why it matters. */
  prefers?: { pattern: RegExp; why: string };
}

/** Versions of a tool already on PATH that are used as they are. */
export const ACCEPT: Record<InstallableTool, VersionProbe> = {
  // helm 3.14+ and helm 4 (both are supported by the helm client).
  helm: { args: ['version', '--short'], pattern: /v?(\d+)\.(\d+)\.(\d+)/, min: [3, 14, 0], belowMajor: 5 },
  kubectl: { args: ['version', '--client', '-o', 'json'], pattern: /"gitVersion":\s*"v(\d+)\.(\d+)\.(\d+)/, min: [1, 28, 0], belowMajor: 2 },
  // sops 3.8+ (age support, stable --input-type/--output-type).
  sops: { args: ['--version'], pattern: /(\d+)\.(\d+)\.(\d+)/, min: [3, 8, 0], belowMajor: 4 },
  // go-jsonnet, or C++ jsonnet 0.18+ (enough for 2023 charts and dashboards). The 2026 charts' values.jsonnet use
  // std.splitLimitR and std.any, which Debian/Ubuntu's C++ jsonnet 0.18 lacks: a C++ jsonnet found on the runner's PATH
  // is used, and the log says so and how to get the pinned go-jsonnet instead (where no jsonnet is on PATH, the
  // pinned go-jsonnet is what gets installed).
  jsonnet: {
    args: ['--version'],
    pattern: /v(\d+)\.(\d+)\.(\d+)/,
    min: [0, 18, 0],
    belowMajor: 1,
    prefers: { pattern: /Go implementation/, why: 'the 2026 charts\' values.jsonnet need go-jsonnet >= 0.20 (std.splitLimitR, std.any)' },
  },
};

export interface EnsureToolOptions {
  reporter: Reporter;
  /** In GitHub Actions: download and cache when missing. Outside: only look, and explain what to install. */
  inActions: boolean;
  /** Environment to look in (PATH, DEPLOYER_<TOOL>, DEPLOYER_TOOL_MIRROR). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Another pin table (tests; default TOOL_VERSIONS). */
  table?: Record<InstallableTool, PinnedTool>;
}

function platformKey(): string {
  return `${process.platform}-${process.arch}`;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The version of an installed tool (undefined when it cannot be told) and its whole version output. */
export async function probeInstalled(tool: InstallableTool, bin: string): Promise<{ version?: string; output: string }> {
  const probe = ACCEPT[tool];
  try {
    const r = await runTool(bin, probe.args, { timeoutMs: 20_000, allowFailure: true });
    const output = `${r.stdout}\n${r.stderr}`;
    const m = probe.pattern.exec(output);
    return { version: m ? `${m[1]}.${m[2]}.${m[3]}` : undefined, output };
  } catch {
    return { output: '' };
  }
}

/** The version of an installed tool, or undefined when it cannot be told. */
export async function installedVersion(tool: InstallableTool, bin: string): Promise<string | undefined> {
  return (await probeInstalled(tool, bin)).version;
}

export function versionAcceptable(tool: InstallableTool, version: string): boolean {
  const probe = ACCEPT[tool];
  const v = version.split('.').map(Number);
  if (compare(v, probe.min) < 0) return false;
  if (probe.belowMajor !== undefined && v[0] >= probe.belowMajor) return false;
  return true;
}

/** The download URL after the mirror rewrite. */
export function downloadUrl(url: string, env: NodeJS.ProcessEnv = process.env): string {
  const mirror = env.DEPLOYER_TOOL_MIRROR;
  if (!mirror) return url;
  const u = new URL(url);
  return `${mirror.replace(/\/+$/, '')}/${u.host}${u.pathname}`;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const inFlight = new Map<string, Promise<string>>();

/**
 * The path of a usable `name` binary: override, PATH (acceptable version), tool cache, or (in Actions) a verified
 * download. The binary's directory is what callers put first on PATH (`toolEnv`).
 */
export async function ensureTool(name: InstallableTool, opts: EnsureToolOptions): Promise<string> {
  const env = opts.env ?? process.env;
  const override = env[`DEPLOYER_${name.toUpperCase()}`];
  if (override) return toolPath(name, env);
  let found: string | undefined;
  try {
    found = toolPath(name, env);
  } catch {
    found = undefined;
  }
  let reason = 'not found on PATH';
  if (found) {
    const { version, output } = await probeInstalled(name, found);
    if (version && versionAcceptable(name, version)) {
      const prefers = ACCEPT[name].prefers;
      if (prefers && !prefers.pattern.test(output)) {
        const pin = (opts.table ?? TOOL_VERSIONS)[name];
        opts.reporter.info(
          `using ${name} ${version} at ${found}, which is not go-jsonnet: ${prefers.why}. To use the pinned go-jsonnet ${pin.version}, ` +
            `set DEPLOYER_JSONNET to a go-jsonnet binary, or take ${found} off PATH and the action installs it (checksum-verified)`,
        );
      } else opts.reporter.debug(`using ${name} ${version} at ${found}`);
      return found;
    }
    reason = version ? `${found} is version ${version}, which is not supported` : `could not tell the version of ${found}`;
  }
  const pin = (opts.table ?? TOOL_VERSIONS)[name];
  if (!opts.inActions) {
    throw new DeployerError(`\`${name}\` is needed: ${reason}`, { hint: `${TOOL_HINTS[name]} (deployer is tested with ${name} ${pin.version})` });
  }
  const key = `${name}@${pin.version}`;
  let p = inFlight.get(key);
  if (!p) {
    p = install(name, opts, env, reason).finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

async function install(name: InstallableTool, opts: EnsureToolOptions, env: NodeJS.ProcessEnv, reason: string): Promise<string> {
  const pin = (opts.table ?? TOOL_VERSIONS)[name];
  const asset = pin.platforms[platformKey()];
  if (!asset) {
    throw new DeployerError(`\`${name}\` is needed (${reason}), and deployer has no pinned checksum for ${name} on ${platformKey()}`, {
      hint: `install ${name} on PATH before this step (${TOOL_HINTS[name]})`,
    });
  }
  const tc = await import('@actions/tool-cache');
  const arch = process.arch;
  const binName = path.basename(asset.entry ?? name);
  const cached = tc.find(name, pin.version, arch);
  if (cached && existsSync(path.join(cached, name))) {
    opts.reporter.debug(`using cached ${name} ${pin.version} from ${cached}`);
    return path.join(cached, name);
  }
  const url = downloadUrl(asset.url, env);
  opts.reporter.info(`installing ${name} ${pin.version} (${reason}) from ${url}`);
  let downloaded: string;
  try {
    downloaded = await tc.downloadTool(url);
  } catch (e) {
    throw new DeployerError(`could not download ${name} ${pin.version} from ${url}: ${(e as Error).message}`, {
      hint: `check the network or DEPLOYER_TOOL_MIRROR, or install ${name} on PATH before this step`,
    });
  }
  const work: string[] = [downloaded];
  // The download and its extraction are removed on every path, a stop signal included (exec/shutdown.ts).
  const off = onShutdown(() => {
    for (const p of work) rmSync(p, { recursive: true, force: true });
  });
  try {
    const actual = await sha256File(downloaded);
    if (actual !== asset.sha256) {
      throw new DeployerError(`checksum mismatch for ${name} ${pin.version} downloaded from ${url}: expected sha256 ${asset.sha256}, got ${actual}. Nothing was installed`, {
        hint: 'the download was corrupted or tampered with; retry, and if it persists, check the mirror (DEPLOYER_TOOL_MIRROR) or report it',
      });
    }
    let dir: string;
    if (asset.kind === 'binary') {
      dir = await mkdtemp(path.join(env.RUNNER_TEMP || path.dirname(downloaded), `deployer-${name}-`));
      work.push(dir);
      await copyFile(downloaded, path.join(dir, name));
    } else {
      const extracted = await tc.extractTar(downloaded);
      work.push(extracted);
      const entry = path.join(extracted, asset.entry ?? name);
      if (!existsSync(entry)) {
        throw new DeployerError(`the ${name} ${pin.version} archive from ${url} has no ${asset.entry}`, { hint: 'the pinned entry path is wrong; report it' });
      }
      dir = path.dirname(entry);
      if (binName !== name) await copyFile(entry, path.join(dir, name));
    }
    await chmod(path.join(dir, name), 0o755);
    const cachedDir = await tc.cacheDir(dir, name, pin.version, arch);
    opts.reporter.info(`installed ${name} ${pin.version} (sha256 ${asset.sha256.slice(0, 12)}... verified) into ${cachedDir}`);
    return path.join(cachedDir, name);
  } finally {
    off();
    for (const p of work) await rm(p, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface ToolSet {
  /** Binary path per tool. */
  paths: Partial<Record<InstallableTool, string>>;
  /** Directories to put first on PATH (the action adapter calls core.addPath with them). */
  binDirs: string[];
  /** `env` with those directories first on PATH. */
  env: NodeJS.ProcessEnv;
}

/** ensureTool for several tools; returns their paths and an environment that finds them first. */
export async function ensureTools(names: InstallableTool[], opts: EnsureToolOptions): Promise<ToolSet> {
  const env = opts.env ?? process.env;
  const paths: ToolSet['paths'] = {};
  for (const n of names) paths[n] = await ensureTool(n, opts);
  const binDirs = [...new Set(Object.values(paths).map((p) => path.dirname(p as string)))];
  const PATH = [...binDirs, ...(env.PATH ?? '').split(path.delimiter).filter(Boolean)].join(path.delimiter);
  return { paths, binDirs, env: { ...env, PATH } };
}
