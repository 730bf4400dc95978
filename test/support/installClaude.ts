/**
 * A fake Claude Code for the tests that need one to read the settings, laid out as its native installer leaves it:
 * ~/.local/share/claude/versions/<version> (a script that prints "<version> (Claude Code)" and notes
 * each run in `<file>.runs`), ~/.local/bin/claude linking to the one in use, and ~/.local/bin put on
 * PATH by ~/.profile: VS Code's server gives the extension host the PATH of a login shell, so that
 * is where the extension finds it, as it would a real install.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FakeClaude {
  /** ~/.local/bin/claude. */
  readonly claude: string;
  /** The file of a version. */
  version(version: string): string;
  /** Points ~/.local/bin/claude at a version (an update, as the native installer does it). */
  use(version: string): void;
}

/** A script that prints this version and notes its runs; any path. */
export function writeFakeClaude(file: string, version: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/bin/sh\necho run >> '${file}.runs'\necho "${version} (Claude Code)"\n`);
  fs.chmodSync(file, 0o755);
}

/** Installs the versions under `home`, the first in use; `pathFirst` folders go before ~/.local/bin on PATH. */
export function installFakeClaude(home: string, versions: readonly string[], pathFirst: readonly string[] = []): FakeClaude {
  const claude = path.join(home, '.local', 'bin', 'claude');
  const version = (name: string) => path.join(home, '.local', 'share', 'claude', 'versions', name);
  for (const name of versions) writeFakeClaude(version(name), name);
  const use = (name: string) => {
    fs.mkdirSync(path.dirname(claude), { recursive: true });
    fs.rmSync(claude, { force: true });
    fs.symlinkSync(version(name), claude);
  };
  use(versions[0]!);
  fs.writeFileSync(path.join(home, '.profile'), `PATH="${[...pathFirst, '$HOME/.local/bin'].join(':')}:$PATH"\nexport PATH\n`);
  return { claude, version, use };
}
