/** Where the data build writes and the site reads generated data (git-ignored). GENERATED_DIR overrides it. */
export function generatedDir(): string {
  return process.env.GENERATED_DIR ?? 'generated';
}

/** Longest file or folder name most file systems accept (ext4, APFS, NTFS: 255 bytes or UTF-16 units). */
export const MAX_NAME_BYTES = 255;
