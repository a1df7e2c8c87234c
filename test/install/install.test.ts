/**
 * Tool installs: a verified download through @actions/tool-cache from a local file server (DEPLOYER_TOOL_MIRROR),
 * a refused checksum mismatch with nothing cached, reuse of the cache without a request, PATH tools of an acceptable
 * version used as they are, and the CLI's "install it" message.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { DeployerError } from '../../src/shared/errors.js';
import { MemoryReporter } from '../../src/shared/log.js';
import {
  downloadUrl,
  ensureTool,
  ensureTools,
  TOOL_VERSIONS,
  versionAcceptable,
  type InstallableTool,
  type PinnedTool,
} from '../../src/shared/exec/install.js';
import { startFileServer, type FileServer } from '../harness/file-server.js';

const TOOLS_BIN = path.resolve('.tools/bin');
const platform = `${process.platform}-${process.arch}`;
let root: string;
let emptyDir: string;
let server: FileServer;
let tarball: Buffer;
let binary: Buffer;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function makeTarball(): Buffer {
  // A release-shaped archive: linux-amd64/helm, a script that prints a helm-like version.
  const src = mkdtempSync(path.join(root, 'src-'));
  mkdirSync(path.join(src, 'linux-amd64'));
  writeFileSync(path.join(src, 'linux-amd64', 'helm'), '#!/bin/sh\necho "v3.99.1+gtest"\n', { mode: 0o755 });
  writeFileSync(path.join(src, 'linux-amd64', 'LICENSE'), 'test\n');
  const out = path.join(root, 'helm.tar.gz');
  execFileSync('tar', ['-czf', out, '-C', src, 'linux-amd64']);
  return execFileSync('cat', [out]);
}

function table(overrides: Partial<Record<InstallableTool, PinnedTool>>): Record<InstallableTool, PinnedTool> {
  return { ...TOOL_VERSIONS, ...overrides };
}

function helmPin(checksum: string, version = '3.99.1'): PinnedTool {
  const asset = { url: `https://get.helm.sh/helm-v${version}-linux-amd64.tar.gz`, sha256: checksum, kind: 'tar.gz' as const, entry: 'linux-amd64/helm' };
  return { version, url: asset.url, sha256: asset.sha256, platforms: { [platform]: asset } };
}

function kubectlPin(checksum: string): PinnedTool {
  const asset = { url: 'https://dl.k8s.io/release/v1.99.0/bin/linux/amd64/kubectl', sha256: checksum, kind: 'binary' as const };
  return { version: '1.99.0', url: asset.url, sha256: asset.sha256, platforms: { [platform]: asset } };
}

/** An environment without any tool on PATH (this machine has a kubectl in /usr/bin), pointing downloads at the local server. */
function bareEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: emptyDir, DEPLOYER_TOOL_MIRROR: server.url, RUNNER_TEMP: process.env.RUNNER_TEMP, ...extra };
}

function cacheEntries(): string[] {
  const dir = process.env.RUNNER_TOOL_CACHE as string;
  return existsSync(dir) ? readdirSync(dir) : [];
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'deployer-install-test-'));
  emptyDir = mkdtempSync(path.join(root, 'empty-'));
  tarball = makeTarball();
  binary = Buffer.from('#!/bin/sh\necho \'{"clientVersion":{"gitVersion":"v1.99.0"}}\'\n');
  server = await startFileServer({
    '/get.helm.sh/helm-v3.99.1-linux-amd64.tar.gz': tarball,
    '/get.helm.sh/helm-v3.99.2-linux-amd64.tar.gz': tarball,
    '/dl.k8s.io/release/v1.99.0/bin/linux/amd64/kubectl': binary,
  });
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  // @actions/tool-cache reads these from process.env at call time (as on a runner).
  process.env.RUNNER_TOOL_CACHE = mkdtempSync(path.join(root, 'cache-'));
  process.env.RUNNER_TEMP = mkdtempSync(path.join(root, 'temp-'));
  server.requests.clear();
});

describe('the pinned table', () => {
  test('every tool has a linux-x64 and a linux-arm64 asset with a 64-hex-digit sha256 and an https URL', () => {
    for (const [name, pin] of Object.entries(TOOL_VERSIONS)) {
      expect(Object.keys(pin.platforms).sort()).toEqual(['linux-arm64', 'linux-x64']);
      for (const asset of Object.values(pin.platforms)) {
        expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(asset.url.startsWith('https://')).toBe(true);
        expect(asset.url).toContain(pin.version);
      }
      expect(pin.url).toBe(pin.platforms['linux-x64'].url);
      expect(new Set(Object.values(pin.platforms).map((a) => a.sha256)).size).toBe(2);
      expect(name).toMatch(/^(helm|kubectl|sops|jsonnet)$/);
    }
  });

  test('the mirror keeps host and path', () => {
    expect(downloadUrl('https://get.helm.sh/helm-v3.18.4-linux-amd64.tar.gz', { DEPLOYER_TOOL_MIRROR: 'http://m.example/x/' })).toBe(
      'http://m.example/x/get.helm.sh/helm-v3.18.4-linux-amd64.tar.gz',
    );
    expect(downloadUrl('https://dl.k8s.io/a', {})).toBe('https://dl.k8s.io/a');
  });

  test('acceptable versions', () => {
    expect(versionAcceptable('helm', '3.18.0')).toBe(true);
    expect(versionAcceptable('helm', '4.1.4')).toBe(true);
    expect(versionAcceptable('helm', '3.5.0')).toBe(false);
    expect(versionAcceptable('helm', '5.0.0')).toBe(false);
    expect(versionAcceptable('sops', '3.7.3')).toBe(false);
    expect(versionAcceptable('jsonnet', '0.18.0')).toBe(true);
    expect(versionAcceptable('jsonnet', '0.17.0')).toBe(false);
  });
});

describe('ensureTool in Actions', () => {
  test('a download with the right checksum is extracted, cached and returned; the cached copy is reused without a request', async () => {
    const reporter = new MemoryReporter();
    const t = table({ helm: helmPin(sha(tarball)) });
    const bin = await ensureTool('helm', { reporter, inActions: true, env: bareEnv(), table: t });
    expect(bin.startsWith(process.env.RUNNER_TOOL_CACHE as string)).toBe(true);
    expect(execFileSync(bin, ['version']).toString()).toContain('v3.99.1');
    expect(server.requests.get('/get.helm.sh/helm-v3.99.1-linux-amd64.tar.gz')).toBe(1);
    expect(reporter.text()).toMatch(/sha256 .* verified/);

    const again = await ensureTool('helm', { reporter, inActions: true, env: bareEnv(), table: t });
    expect(again).toBe(bin);
    expect(server.total()).toBe(1);
    // the downloaded archive and the extraction dir are gone from RUNNER_TEMP
    expect(readdirSync(process.env.RUNNER_TEMP as string)).toEqual([]);
  });

  test('a checksum mismatch is refused with a clear error, and nothing is cached or left behind', async () => {
    const wrong = '0'.repeat(64);
    const t = table({ helm: helmPin(wrong, '3.99.2') });
    const err = await ensureTool('helm', { reporter: new MemoryReporter(), inActions: true, env: bareEnv(), table: t }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toContain('checksum mismatch for helm 3.99.2');
    expect(err.message).toContain(`expected sha256 ${wrong}, got ${sha(tarball)}`);
    expect(err.message).toContain('Nothing was installed');
    expect(cacheEntries()).toEqual([]);
    expect(readdirSync(process.env.RUNNER_TEMP as string)).toEqual([]);
    // and a second attempt downloads again (nothing half-cached made it look installed)
    await ensureTool('helm', { reporter: new MemoryReporter(), inActions: true, env: bareEnv(), table: t }).catch(() => undefined);
    expect(server.requests.get('/get.helm.sh/helm-v3.99.2-linux-amd64.tar.gz')).toBe(2);
  });

  test('the real pinned table refuses a file that is not the real release', async () => {
    // Serve something else under the real helm URL: the committed checksum must refuse it.
    const real = TOOL_VERSIONS.helm.platforms[platform];
    if (!real) return expect(platform).not.toMatch(/^linux-(x64|arm64)$/);
    server.put(new URL(downloadUrl(real.url, { DEPLOYER_TOOL_MIRROR: 'http://x' })).pathname, tarball);
    const err = await ensureTool('helm', { reporter: new MemoryReporter(), inActions: true, env: bareEnv() }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toContain(`expected sha256 ${real.sha256}`);
    expect(cacheEntries()).toEqual([]);
  });

  test('a plain binary download (kubectl) is verified, made executable and cached', async () => {
    const t = table({ kubectl: kubectlPin(sha(binary)) });
    const tools = await ensureTools(['kubectl'], { reporter: new MemoryReporter(), inActions: true, env: bareEnv(), table: t });
    const bin = tools.paths.kubectl as string;
    expect(path.basename(bin)).toBe('kubectl');
    expect(execFileSync(bin, []).toString()).toContain('v1.99.0');
    expect(tools.binDirs).toEqual([path.dirname(bin)]);
    expect(tools.env.PATH?.split(':')[0]).toBe(path.dirname(bin));
  });

  test('a download that is not there is a clear error', async () => {
    const t = table({ kubectl: { ...kubectlPin(sha(binary)), platforms: { [platform]: { url: 'https://dl.k8s.io/nope/kubectl', sha256: sha(binary), kind: 'binary' } } } });
    const err = await ensureTool('kubectl', { reporter: new MemoryReporter(), inActions: true, env: bareEnv(), table: t }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toMatch(/could not download kubectl 1\.99\.0 from http:\/\/127\.0\.0\.1:\d+\/dl\.k8s\.io\/nope\/kubectl/);
  });

  test('no pinned checksum for this platform: fail and say to install the tool on PATH', async () => {
    const t = table({ helm: { ...helmPin(sha(tarball)), platforms: {} } });
    const err = await ensureTool('helm', { reporter: new MemoryReporter(), inActions: true, env: bareEnv(), table: t }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toContain('no pinned checksum for helm');
    expect(err.hint).toContain('install helm on PATH');
    expect(server.total()).toBe(0);
  });
});

describe('tools already present', () => {
  test('helm on PATH at an acceptable version is used as is, without any download', async () => {
    const env = { PATH: `${TOOLS_BIN}:/usr/bin:/bin`, DEPLOYER_TOOL_MIRROR: server.url };
    expect(await ensureTool('helm', { reporter: new MemoryReporter(), inActions: true, env })).toBe(path.join(TOOLS_BIN, 'helm'));
    expect(await ensureTool('kubectl', { reporter: new MemoryReporter(), inActions: true, env })).toBe(path.join(TOOLS_BIN, 'kubectl'));
    expect(server.total()).toBe(0);
  });

  test('DEPLOYER_HELM wins over PATH', async () => {
    const env = { PATH: `${TOOLS_BIN}:/usr/bin:/bin`, DEPLOYER_HELM: path.join(TOOLS_BIN, 'helm4') };
    expect(await ensureTool('helm', { reporter: new MemoryReporter(), inActions: false, env })).toBe(path.join(TOOLS_BIN, 'helm4'));
  });

  test('a too old helm on PATH: the CLI says which version it found and how to get a good one', async () => {
    const dir = mkdtempSync(path.join(root, 'old-'));
    writeFileSync(path.join(dir, 'helm'), '#!/bin/sh\necho "v3.5.0+gold"\n');
    chmodSync(path.join(dir, 'helm'), 0o755);
    const err = await ensureTool('helm', { reporter: new MemoryReporter(), inActions: false, env: { PATH: `${dir}:/usr/bin:/bin` } }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toContain(`${dir}/helm is version 3.5.0, which is not supported`);
    expect(err.hint).toContain('helm.sh');
  });

  test('in Actions, a too old helm on PATH is replaced by the verified pinned download', async () => {
    const dir = mkdtempSync(path.join(root, 'old-'));
    writeFileSync(path.join(dir, 'helm'), '#!/bin/sh\necho "v3.5.0+gold"\n');
    chmodSync(path.join(dir, 'helm'), 0o755);
    const t = table({ helm: helmPin(sha(tarball)) });
    const bin = await ensureTool('helm', { reporter: new MemoryReporter(), inActions: true, env: bareEnv({ PATH: dir }), table: t });
    expect(bin).not.toBe(path.join(dir, 'helm'));
    expect(execFileSync(bin, ['version']).toString()).toContain('v3.99.1');
  });

  test('in Actions: no jsonnet on PATH installs the pinned go-jsonnet (archive entry `jsonnet`); a C++ jsonnet on PATH is used, and the log says what it lacks', async () => {
    const script = (dir: string, text: string) => {
      writeFileSync(path.join(dir, 'jsonnet'), `#!/bin/sh\necho "${text}"\n`);
      chmodSync(path.join(dir, 'jsonnet'), 0o755);
    };
    // A release-shaped go-jsonnet archive (jsonnet at the top level), served as the pinned URL's mirror path.
    const src = mkdtempSync(path.join(root, 'gojsonnet-'));
    script(src, 'Jsonnet commandline interpreter (Go implementation) v0.20.0');
    const out = path.join(root, 'go-jsonnet.tar.gz');
    execFileSync('tar', ['-czf', out, '-C', src, 'jsonnet']);
    const archive = execFileSync('cat', [out]);
    const real = TOOL_VERSIONS.jsonnet.platforms['linux-x64'];
    const asset = { ...real, sha256: sha(archive) };
    server.put(new URL(downloadUrl(real.url, { DEPLOYER_TOOL_MIRROR: 'http://x' })).pathname, archive);
    const t = table({ jsonnet: { version: '0.20.0-test', url: asset.url, sha256: asset.sha256, platforms: { [platform]: asset } } });
    const bin = await ensureTool('jsonnet', { reporter: new MemoryReporter(), inActions: true, env: bareEnv(), table: t });
    expect(execFileSync(bin, ['--version']).toString()).toContain('Go implementation');

    const cpp = mkdtempSync(path.join(root, 'cpp-'));
    script(cpp, 'Jsonnet commandline interpreter v0.18.0');
    const reporter = new MemoryReporter();
    expect(await ensureTool('jsonnet', { reporter, inActions: true, env: bareEnv({ PATH: cpp }), table: t })).toBe(path.join(cpp, 'jsonnet'));
    expect(reporter.text()).toContain("which is not go-jsonnet: the 2026 charts' values.jsonnet need go-jsonnet >= 0.20");
    expect(reporter.text()).toContain('DEPLOYER_JSONNET');
  });

  test('missing locally: a DeployerError naming the tool, with no download attempted', async () => {
    const err = await ensureTool('sops', { reporter: new MemoryReporter(), inActions: false, env: bareEnv() }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toBe('`sops` is needed: not found on PATH');
    expect(err.hint).toContain('getsops/sops');
    expect(server.total()).toBe(0);
  });
});
