/**
 * Changes to the infra repo: files written with every secret sops-encrypted (its plaintext never inside the working
 * tree), deep merges into encrypted files that keep unrelated keys, all-or-nothing application, and (in
 * pull-request.ts, loaded lazily by callers) one branch and one pull request per change.
 */
export { ChangeSet, type ChangeSetOptions, type RepoChange } from './changeset.js';
export { deepMerge, deleteKeyPath, getKeyPath, formatKeyPath, type KeyPath } from './merge.js';
export { isSecretName, formatOf } from './paths.js';
export { findSopsConfig } from './encrypt.js';
export { describeChanges, changesTable } from './describe.js';
