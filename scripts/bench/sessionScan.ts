/**
 * The scan of Claude Code's session files against a generated 200 MiB corpus (prompts, answers,
 * tool output with some lines longer than the bound, request envelopes and a few error records,
 * as Claude Code 2.1.330 lays them out), written into a temporary folder and deleted afterwards.
 * Prints the scan's wall time and throughput, and the longest time the event loop waited while the
 * scan ran (perf_hooks' event-loop delay): the extension host's responsiveness during a scan.
 * Figures, not assertions. Run alone: `npx tsx scripts/bench/sessionScan.ts`.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, utimesSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { projectDirectoryName } from '../../src/core/claudeCode/sessionRecords';
import { scanSessions } from '../../src/files/claudeCode/sessionFiles';

const MIB = 1024 * 1024;
const CORPUS_BYTES = 200 * MIB;
const FILES = 40;

/** One block of a session: content of every kind around a request that was throttled and retried. */
function sessionBlock(timestamp: string, index: number): string {
  const envelope = { isSidechain: false, userType: 'external', entrypoint: 'cli', cwd: '/home/dev/project', sessionId: 'bench', version: '2.1.330', gitBranch: 'main', timestamp };
  const lines = [
    JSON.stringify({ ...envelope, type: 'user', uuid: `u${index}`, message: { role: 'user', content: 'Refactor the request handler so that it retries on throttling. '.repeat(8) } }),
    JSON.stringify({ type: 'api-request', sessionId: 'bench', id: `r${index}`, timestamp, version: '2.1.330', params: { model: 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0', max_tokens: 32000 } }),
    JSON.stringify({ ...envelope, type: 'assistant', uuid: `a${index}`, message: { model: 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0', role: 'assistant', content: [{ type: 'text', text: 'Here is the plan for the handler. '.repeat(60) }] } }),
    JSON.stringify({ ...envelope, type: 'user', uuid: `t${index}`, message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `x${index}`, content: 'const value = compute(input);\n'.repeat(index % 17 === 0 ? 12_000 : 700) }] } }),
  ];
  if (index % 50 === 0) {
    lines.push(JSON.stringify({ type: 'system', subtype: 'api_error', level: 'error', timestamp, version: '2.1.330', error: { message: '429 Too many tokens, please wait before trying again.', status: 429 }, retryAttempt: 1, maxRetries: 10 }));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the corpus; returns the config dir, the folder and the bytes written. */
function writeCorpus(root: string): { configDir: string; folder: string; bytes: number } {
  const configDir = join(root, 'claude');
  const folder = join(root, 'project');
  const projectDir = join(configDir, 'projects', projectDirectoryName(folder));
  mkdirSync(projectDir, { recursive: true });
  const timestamp = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const perFile = CORPUS_BYTES / FILES;
  let total = 0;
  let index = 0;
  for (let file = 0; file < FILES; file++) {
    const path = join(projectDir, `session-${String(file).padStart(3, '0')}.jsonl`);
    const fd = openSync(path, 'w');
    let written = 0;
    while (written < perFile) written += writeSync(fd, sessionBlock(timestamp, index++));
    closeSync(fd);
    const seconds = Date.now() / 1000 - file * 60;
    utimesSync(path, seconds, seconds);
    total += written;
  }
  return { configDir, folder, bytes: total };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Generates the corpus, scans it three times, deletes it, and returns the figures. */
export async function sessionScanBench(): Promise<[string, string][]> {
  const root = mkdtempSync(join(tmpdir(), 'cbs-bench-sessions-'));
  try {
    const { configDir, folder, bytes } = writeCorpus(root);
    const walls: number[] = [];
    const pauses: number[] = [];
    const p99s: number[] = [];
    let records = 0;
    let longLines = 0;
    for (let run = 0; run < 3; run++) {
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      const start = performance.now();
      const scan = await scanSessions({ folders: [folder], env: { CLAUDE_CONFIG_DIR: configDir }, now: Date.now(), days: 7 });
      walls.push(performance.now() - start);
      delay.disable();
      pauses.push(delay.max / 1e6);
      p99s.push(delay.percentile(99) / 1e6);
      if (scan.files !== FILES || scan.unread.files > 0) throw new Error(`the scan read ${scan.files} of ${FILES} files`);
      records = scan.records.length;
      longLines = scan.longLines;
    }
    const wall = median(walls);
    // The same measure with nothing running, as long as a scan: how much of the wait is this machine's load.
    const idle = monitorEventLoopDelay({ resolution: 1 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, Math.max(wall, 200)));
    idle.disable();
    return [
      [`scan ${(bytes / MIB).toFixed(0)} MiB of Claude Code sessions (${FILES} files; median of 3)`, `${wall.toFixed(0)} ms (${(bytes / MIB / (wall / 1000)).toFixed(0)} MiB/s; ${records} error records, ${longLines} long lines skipped)`],
      ['  event-loop wait during that scan: longest (median of 3), 99th percentile', `${median(pauses).toFixed(1)} ms (max ${Math.max(...pauses).toFixed(1)}), p99 ${median(p99s).toFixed(1)} ms`],
      ['  the same with nothing running, for comparison (this machine\'s load)', `${(idle.max / 1e6).toFixed(1)} ms, p99 ${(idle.percentile(99) / 1e6).toFixed(1)} ms`],
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void sessionScanBench().then((rows) => {
    for (const [label, value] of rows) console.log(`  ${label}  ${value}`);
  });
}
