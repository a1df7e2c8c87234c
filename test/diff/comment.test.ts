/**
 * The PR comment: under GitHub's 65,536-character limit for a 200-hub change (the cut said), inert against hostile
 * text from the change (file names, values holding `</details>`, backticks, @mentions), and an artifact from a fork
 * rebuilt field by field.
 */
import { ARTIFACT_FORMAT, artifactJson, parseArtifact } from '../../src/shared/diff/artifact.js';
import { COMMENT_MARKER, diffMarkdown, fenced, GITHUB_COMMENT_LIMIT, mdText } from '../../src/shared/diff/comment.js';
import type { DiffResult, ReleaseDiff } from '../../src/shared/diff/index.js';
import type { Matrices } from '../../src/shared/plan/decide.js';

function release(cluster: string, hub: string, lines: number, extra: Partial<ReleaseDiff> = {}): ReleaseDiff {
  const patch = ['--- a/Deployment/x/hub', '+++ b/Deployment/x/hub', `@@ -1,${lines} +1,${lines} @@`, ...Array.from({ length: lines }, (_, i) => `-  old line ${i} of ${hub}\n+  new line ${i} of ${hub}`)].join('\n');
  return { cluster, release: hub, status: 'changed', objects: [{ key: `Deployment/${hub}/hub`, change: 'changed', patch, added: lines, removed: lines }], linesAdded: lines, linesRemoved: lines, secretChanges: [], ...extra };
}

const empty: Matrices = { 'support-jobs': [], 'staging-jobs': [], 'prod-jobs': [], 'support-and-staging-matrix-jobs': [], 'prod-hub-matrix-jobs': [] };

function result(releases: ReleaseDiff[], matrices: Matrices = empty): DiffResult {
  return { base: { ref: 'main', commit: 'a'.repeat(40) }, head: { ref: 'HEAD', commit: 'b'.repeat(40) }, changedFiles: [], matrices, releases, secretFiles: [], stats: { renders: 0, helmProcesses: 0, dependencyBuilds: 0, durationMs: 0 } };
}

describe('the PR comment', () => {
  it('a 200-hub change stays under GitHub\'s limit, and the cut is said', () => {
    const releases = Array.from({ length: 200 }, (_, i) => release(`cluster-${i % 30}`, `hub-${i}`, 120));
    const matrices: Matrices = { ...empty, 'prod-jobs': releases.map((r) => ({ cluster_name: r.cluster, provider: 'gcp', hub_name: r.release, choice_reason: 'Following helm chart values files were modified: x.values.yaml' })) };
    const md = diffMarkdown(result(releases, matrices));
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
    expect(md).toMatch(/diff left out to keep this comment under GitHub|more release\(s\) not shown to stay under GitHub/);
    // The full diff still fits the job summary's budget.
    const full = diffMarkdown(result(releases, matrices), { limit: 900_000, maxLinesPerRelease: 5_000 });
    expect(full.length).toBeGreaterThan(md.length);
    expect(full).toContain('new line 119 of hub-0');
  });

  it('a long diff of one release is cut with a note', () => {
    const md = diffMarkdown(result([release('c', 'big', 1000)]), { maxLinesPerRelease: 50 });
    expect(md).toContain('more line(s) cut');
    expect(md).toContain('diff cut: the full diff is in the job summary');
  });

  it('hostile text cannot break out of its block, open HTML, or ping anyone', () => {
    const hostile = 'x</details></summary><img src=x onerror=alert(1)> @octocat @org/team ``` ```` [link](https://evil.example) ::set-output name=x::y';
    const r = release('c', `hub-${hostile}`, 1, {
      objects: [{ key: `ConfigMap/c/${hostile}`, change: 'changed', patch: `--- a\n+++ b\n@@ -1 +1 @@\n-a: 1\n+a: "${hostile}"\n+b: \`\`\`\`\`\`\n</details>`, added: 2, removed: 1 }],
      secretChanges: [`encrypted values changed in config/clusters/c/enc-${hostile}.secret.values.yaml (keys: a)`],
      note: hostile,
    });
    const matrices: Matrices = { ...empty, 'prod-jobs': [{ cluster_name: 'c', provider: 'gcp', hub_name: hostile, choice_reason: hostile }] };
    const md = diffMarkdown(result([r, release('c', 'unchanged-hub', 0, { status: 'unchanged', objects: [] })], matrices));
    // Outside code blocks nothing is live: no tag, no mention, no link.
    const outside = md.split(/^(`{3,})[a-z]*\n[\s\S]*?\n\1$/m).filter((_, i) => i % 2 === 0).join('\n');
    expect(outside).not.toMatch(/@octocat|@org\/team/);
    expect(outside).not.toContain('<img');
    expect(outside).not.toContain('](https://evil');
    // Each code block is closed only by its own, longer fence.
    for (const m of md.matchAll(/^(`{3,})(?:diff|text)\n([\s\S]*?)\n\1$/gm)) expect(m[2]).not.toContain(m[1]);
    // Every <details> we open is closed by us, and the counts match.
    expect((outside.match(/<details>/g) ?? []).length).toBe((outside.match(/<\/details>/g) ?? []).length);
    // No workflow command at the start of a line.
    expect(md).not.toMatch(/^::/m);
  });

  it('mdText and fenced are inert by construction', () => {
    expect(mdText('@a <b> `c` [d](e) | f')).not.toMatch(/[@<>`[\]|]/);
    const f = fenced('a ```` b');
    expect(f.startsWith('`````diff\n')).toBe(true);
    expect(f.endsWith('\n`````')).toBe(true);
  });
});

describe('the artifact, read by the workflow_run poster', () => {
  it('round-trips what actions/diff writes', () => {
    const r = result([release('c', 'h', 3)]);
    const a = parseArtifact(artifactJson(r), 'deployer-diff.json');
    expect(a.result.releases[0]).toMatchObject({ cluster: 'c', release: 'h', status: 'changed', linesAdded: 3 });
    expect(diffMarkdown(a.result)).toBe(diffMarkdown(r));
  });

  it.each([
    ['not JSON', 'nope'],
    ['another format', JSON.stringify({ format: 'x' })],
    ['a bad status', artifactJson(result([release('c', 'h', 1, { status: 'evil' as never })]))],
    ['a number where a string belongs', artifactJson(result([release('c', 3 as never, 1)]))],
  ])('refuses %s with an error naming the problem', (_what, text) => {
    expect(() => parseArtifact(text, 'deployer-diff.json')).toThrow(/the diff artifact deployer-diff\.json is not usable: /);
  });

  it('drops unknown fields and caps huge strings', () => {
    const raw = JSON.parse(artifactJson(result([release('c', 'h', 1)])));
    raw.result.releases[0].evil = '<script>';
    raw.result.releases[0].note = 'n'.repeat(600_000);
    raw.format = ARTIFACT_FORMAT;
    const a = parseArtifact(JSON.stringify(raw), 'x');
    expect(a.result.releases[0]).not.toHaveProperty('evil');
    expect(a.result.releases[0].note!.length).toBeLessThan(300_000);
  });
});
