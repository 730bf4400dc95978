// Builds the in-host test suite (test/suite) for the two hosts that run it:
//
//   node test/suite/buildCompanion.mjs [--out FILE.vsix]
//     The companion test extension: test/suite/companion.ts bundled with esbuild (mocha and every
//     test/suite/**/*.test.ts bundled in, `vscode` external) into a temp folder with its own
//     package.json (activationEvents onStartupFinished), packed as a VSIX with the repository's
//     @vscode/vsce. code-server installs it next to the real VSIX (test/e2e/suite.e2e.ts).
//     Default output: .tmp/suite/claude-bedrock-setup-suite.vsix. Prints the VSIX path last.
//
//   node test/suite/buildCompanion.mjs --electron DIR
//     DIR/index.js, the suite index for @vscode/test-electron's extensionTestsPath (exports run()).
//
// Test files are found at build time (esbuild cannot bundle a run-time glob): adding a file named
// test/suite/<anything>.test.ts is all it takes to add tests.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const SUITE_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(SUITE_DIR, '..', '..');
const REAL_PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
export const REAL_EXTENSION_ID = `${REAL_PACKAGE.publisher}.${REAL_PACKAGE.name}`;
export const COMPANION_NAME = `${REAL_PACKAGE.name}-suite`;

/** test/suite/**\/*.test.ts, relative to the repository, sorted. */
export function findTestFiles() {
  return fs
    .readdirSync(SUITE_DIR, { recursive: true, withFileTypes: false })
    .map((entry) => String(entry).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `test/suite/${file}`)
    .sort();
}

/** The module 'virtual:suite-files' (see test/suite/suiteFiles.d.ts). */
const suiteFilesPlugin = {
  name: 'suite-files',
  setup(build) {
    build.onResolve({ filter: /^virtual:suite-files$/ }, () => ({ path: 'suite-files', namespace: 'suite-files' }));
    build.onLoad({ filter: /.*/, namespace: 'suite-files' }, () => {
      const files = findTestFiles();
      // Dynamic imports of bundled modules stay lazy: a test file is evaluated when the runner
      // loads it, after mocha has put describe/it on globalThis.
      const entries = files.map((file) => `  { file: ${JSON.stringify(file)}, load: () => import(${JSON.stringify(path.join(REPO_ROOT, file))}) },`);
      return { contents: `export const testFiles = [\n${entries.join('\n')}\n];\n`, resolveDir: REPO_ROOT, loader: 'js', watchFiles: files.map((file) => path.join(REPO_ROOT, file)) };
    });
    build.onStart(() => {
      if (findTestFiles().length === 0) console.warn('buildCompanion: no test/suite/**/*.test.ts found');
    });
  },
};

async function bundle(entry, outfile) {
  await esbuild.build({
    entryPoints: [path.join(SUITE_DIR, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    // Readable stacks in failure reports.
    minify: false,
    keepNames: true,
    // No source maps: process.setSourceMapsEnabled(true) did not map stacks in code-server's
    // extension host (which installs its own Error.prepareStackTrace). Failures name their file.
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'error',
    plugins: [suiteFilesPlugin],
  });
}

/** Bundles the suite index for @vscode/test-electron into DIR/index.js; returns its path. */
export async function buildElectronSuite(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'index.js');
  await bundle('index.ts', outfile);
  return outfile;
}

/** Builds and packs the companion extension; returns the VSIX path. */
export async function buildCompanion(outVsix) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'cbs-suite-companion-'));
  try {
    await bundle('companion.ts', path.join(stage, 'extension.js'));
    const manifest = {
      name: COMPANION_NAME,
      displayName: `${REAL_PACKAGE.name}: in-host tests`,
      description: `Runs the in-host test suite (test/suite) against ${REAL_EXTENSION_ID} once on startup; test use only.`,
      version: REAL_PACKAGE.version,
      publisher: REAL_PACKAGE.publisher,
      license: REAL_PACKAGE.license,
      private: true,
      engines: { vscode: REAL_PACKAGE.engines.vscode },
      main: './extension.js',
      activationEvents: ['onStartupFinished'],
      // The real extension runs in the workspace (Node) extension host; so must its tests.
      extensionKind: ['workspace'],
      // No extensionDependencies on the real extension on purpose: VS Code activates an extension's
      // dependencies before it, which would activate the real extension at startup and hide whether
      // its own activation events work. The suite checks that the real extension is installed.
      capabilities: { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true },
    };
    fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    fs.writeFileSync(path.join(stage, 'README.md'), `# ${manifest.displayName}\n\n${manifest.description}\n`);
    fs.writeFileSync(path.join(stage, 'CHANGELOG.md'), '# Changelog\n\nTest use only.\n');
    fs.copyFileSync(path.join(REPO_ROOT, 'LICENSE'), path.join(stage, 'LICENSE'));
    fs.mkdirSync(path.dirname(outVsix), { recursive: true });
    fs.rmSync(outVsix, { force: true });
    execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', outVsix],
      { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (!fs.existsSync(outVsix)) throw new Error(`vsce did not write ${outVsix}`);
    return outVsix;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const value = (flag) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  try {
    const electronDir = value('--electron');
    if (electronDir) {
      console.log(await buildElectronSuite(path.resolve(electronDir)));
    } else {
      const out = path.resolve(value('--out') ?? path.join(REPO_ROOT, '.tmp', 'suite', `${COMPANION_NAME}.vsix`));
      const vsix = await buildCompanion(out);
      console.log(`companion test extension (${findTestFiles().length} test files, ${(fs.statSync(vsix).size / 1024).toFixed(1)} KiB):`);
      console.log(vsix);
    }
  } catch (error) {
    console.error(`buildCompanion: ${error instanceof Error ? error.message : String(error)}`);
    if (error && typeof error === 'object' && 'stderr' in error && error.stderr) console.error(String(error.stderr));
    process.exit(1);
  }
}
