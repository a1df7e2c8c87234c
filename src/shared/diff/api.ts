/** The diff room's entry points for the CLI and the actions. */
export { diffChange, WORKTREE, SUPPORT_RELEASE, type DiffRequest, type DiffResult, type ReleaseDiff, type ReleaseStatus } from './index.js';
export { diffMarkdown, diffText, COMMENT_MARKER, GITHUB_COMMENT_LIMIT } from './comment.js';
export { skipUnchanged, SKIP_UNCHANGED_LABEL, type Dropped } from './skip.js';
