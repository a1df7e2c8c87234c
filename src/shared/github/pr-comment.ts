/**
 * One sticky comment per pull request: found by a marker at its start among the comments a bot wrote (a person's
 * comment quoting the marker is never edited), updated in place, or created. The pull request can be named, or found
 * from the head commit a `workflow_run` event reports (trusted: it comes from GitHub, not from the artifact).
 */
import { DeployerError } from '../errors.js';
import { githubClient, githubError } from './client.js';

export interface StickyCommentOptions {
  token: string;
  baseUrl?: string;
  owner: string;
  repo: string;
  /** The marker the comment starts with, e.g. `<!-- deployer-diff -->`. */
  marker: string;
  body: string;
  /** The pull request, when known. */
  pullNumber?: number;
  /** Otherwise: the head commit of the pull request (and, for forks, `owner/name` of the head repository). */
  headSha?: string;
  headRepository?: string;
  timeoutMs?: number;
  retryDelayMs?: number;
}

export interface StickyCommentResult {
  pullNumber: number;
  commentId: number;
  created: boolean;
  url: string;
}

export async function upsertStickyComment(o: StickyCommentOptions): Promise<StickyCommentResult> {
  if (!o.body.startsWith(o.marker)) throw new Error('internal: the comment body must start with its marker');
  const octokit = await githubClient({ token: o.token, baseUrl: o.baseUrl, userAgent: 'deployer-diff', timeoutMs: o.timeoutMs, retryDelayMs: o.retryDelayMs });
  const where = `${o.owner}/${o.repo}`;
  let pullNumber = o.pullNumber;
  if (pullNumber === undefined) {
    if (!o.headSha || !/^[0-9a-f]{40}$/.test(o.headSha)) throw new DeployerError('no pull request number and no head commit SHA to find it by', { hint: 'pass pull-request, or run on a workflow_run event' });
    let pulls;
    try {
      pulls = await octokit.paginate(octokit.rest.pulls.list, { owner: o.owner, repo: o.repo, state: 'open', per_page: 100 });
    } catch (e) {
      throw githubError(e, `list the open pull requests of ${where}`, 'pull-requests: read');
    }
    const match = pulls.filter((p) => p.head.sha === o.headSha && (!o.headRepository || p.head.repo?.full_name === o.headRepository));
    if (match.length !== 1) {
      throw new DeployerError(`${match.length ? 'several' : 'no'} open pull request(s) of ${where} have the head commit ${o.headSha.slice(0, 12)}`, {
        hint: match.length ? 'pass pull-request explicitly' : 'the pull request may have been closed or pushed to since the diff ran; the next run posts again',
      });
    }
    pullNumber = match[0].number;
  }
  let comments;
  try {
    comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: o.owner, repo: o.repo, issue_number: pullNumber, per_page: 100 });
  } catch (e) {
    throw githubError(e, `list the comments of ${where}#${pullNumber}`, 'pull-requests: write');
  }
  const mine = comments.find((c) => c.user?.type === 'Bot' && (c.body ?? '').startsWith(o.marker));
  try {
    if (mine) {
      const r = await octokit.rest.issues.updateComment({ owner: o.owner, repo: o.repo, comment_id: mine.id, body: o.body });
      return { pullNumber, commentId: mine.id, created: false, url: r.data.html_url };
    }
    const r = await octokit.rest.issues.createComment({ owner: o.owner, repo: o.repo, issue_number: pullNumber, body: o.body });
    return { pullNumber, commentId: r.data.id, created: true, url: r.data.html_url };
  } catch (e) {
    throw githubError(e, `write the comment on ${where}#${pullNumber}`, 'pull-requests: write');
  }
}
