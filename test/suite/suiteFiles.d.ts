/**
 * Filled in at build time by test/suite/buildCompanion.mjs (an esbuild plugin): every
 * test/suite/**\/*.test.ts, path relative to the repository, and a loader that evaluates it.
 */
declare module 'virtual:suite-files' {
  export const testFiles: { file: string; load: () => Promise<unknown> }[];
}
