// Where a document comes from: printed on it and stored in its PDF's metadata, so that
// `delib verify` can later say whether the register's source still says the same.

export interface Provenance {
  /** The file's path from the repository's root (or as given, outside a repository). */
  readonly source: string;
  /** The last commit that changed the file; undefined outside git or before its first commit. */
  readonly commit: string | undefined;
  /** The file differs from that commit (uncommitted changes). */
  readonly modified: boolean;
  /** sha256 of the file's bytes, in hex. */
  readonly hash: string;
}
