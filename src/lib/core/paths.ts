/** Where the data build writes and the site reads generated data (git-ignored). GENERATED_DIR overrides it. */
export function generatedDir(): string {
  return process.env.GENERATED_DIR ?? 'generated';
}
