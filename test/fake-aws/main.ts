/**
 * Standalone fake AWS for demos and for tests that run in another process:
 *
 *   npx tsx test/fake-aws/main.ts --scenario basic [--port N] [--write-home DIR] [--runtime-http1-only]
 *
 * Prints eval-able `export …` lines, then serves until SIGINT / SIGTERM.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoHome } from './demoHome';
import { getScenario, scenarioNames, startFakeAws } from './index';

function usage(): string {
  return `usage: fake-aws [--scenario ${scenarioNames().join('|')}] [--port N] [--write-home DIR] [--runtime-http1-only]`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'basic' },
      port: { type: 'string' },
      'write-home': { type: 'string' },
      // Bedrock Runtime behind an HTTP/1.1-only gateway: h2c is refused on the runtime port.
      'runtime-http1-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage());
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535\n${usage()}`);
  const scenario = getScenario(values.scenario);
  const fake = await startFakeAws({ scenario, port, runtimeHttp1Only: values['runtime-http1-only'] });

  const lines: string[] = [];
  for (const [name, value] of Object.entries(fake.env())) lines.push(`export ${name}=${value}`);
  const homeDir = values['write-home'];
  if (homeDir !== undefined) {
    // The live state, so token expiries in the cache match what this server believes.
    const home = await writeDemoHome(resolve(homeDir), fake.state);
    lines.push(`export HOME=${shellQuote(home.home)}`);
    lines.push(`# profiles: ${home.profiles.join(', ')}`);
  }
  const runtimeNote = values['runtime-http1-only'] ? ' (runtime: HTTP/1.1 only)' : '';
  lines.push(`# fake-aws scenario '${fake.scenarioName}' on ${fake.endpoint}${runtimeNote}; stop with Ctrl-C`);

  // Before printing: whoever reads the output may signal as soon as it arrives.
  const shutdown = (): void => {
    void fake.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(lines.join('\n'));
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

// Only as the entry point: `mocha test/fake-aws` loads every file of the folder, this one too.
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`fake-aws: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
