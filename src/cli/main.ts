/**
 * The headless face of the extension: the same discovery and checks for terminals, CI and
 * admins. Exit codes: 0 healthy (or applied), 1 problems found, something could not be verified or
 * applied, 2 usage error (an `apply` without a terminal and without --yes included).
 */

import { parseArgs } from 'node:util';
import { pickLocale, type Locale } from '../core/text/locale';
import { doctorCommand } from './doctor/doctorCommand';
import { modelsCommand } from './models/modelsCommand';
import { UsageError, type CommandOutput } from './output';
import { profilesCommand } from './profiles/profilesCommand';
import { setupCommand } from './setup/setupCommand';
import { quotasCommand, usageCommand } from './usage/usageCommand';
import { policyCommand } from './policy/policyCommand';
import { alarmsCommand } from './alarms/alarmsCommand';
import { dashboardCommand } from './dashboard/dashboardCommand';
import { adminStackCommand } from './adminStack/adminStackCommand';
import { terminalConfirm, type Confirm } from './confirm';
import { cliText } from './text';
import { sessionDaysOption } from './claudeCode/sessionSection';
import { budgetsCommand } from './budgets/budgetsCommand';
import { costCommand } from './costPlan/costPlanCommand';
import { spendCommand } from './spend/spendCommand';
import type { AdminOptions } from './team/adminOptions';
import { loggingCommand, teamCommand } from './team/teamCommand';

declare const __VERSION__: string | undefined;

function parse(argv: readonly string[], locale: Locale) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        profile: { type: 'string' },
        region: { type: 'string' },
        model: { type: 'string', multiple: true },
        probe: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        lang: { type: 'string' },
        folder: { type: 'string' },
        'background-model': { type: 'string' },
        'sonnet-model': { type: 'string' },
        'opus-model': { type: 'string' },
        'max-output-tokens': { type: 'string' },
        scope: { type: 'string' },
        range: { type: 'string' },
        proof: { type: 'string' },
        offline: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'no-gitignore': { type: 'boolean', default: false },
        'no-vscode-settings': { type: 'boolean', default: false },
        'session-days': { type: 'string' },
        // The admin commands (team, logging, spend, budgets, cost plan).
        yes: { type: 'boolean', default: false },
        limit: { type: 'string' },
        threshold: { type: 'string', multiple: true },
        email: { type: 'string', multiple: true },
        'sns-topic': { type: 'string' },
        name: { type: 'string' },
        'log-group': { type: 'string' },
        'role-arn': { type: 'string' },
        developers: { type: 'string' },
        'working-days': { type: 'string' },
        sessions: { type: 'string' },
        'input-tokens': { type: 'string' },
        'output-tokens': { type: 'string' },
        'cache-read-share': { type: 'string' },
        'cache-rest': { type: 'string' },
        'plan-model': { type: 'string' },
        'yen-rate': { type: 'string' },
        'seat-price': { type: 'string' },
        measured: { type: 'boolean', default: false },
        percent: { type: 'string' },
        'throttle-threshold': { type: 'string' },
        'topic-arn': { type: 'string' },
        'topic-name': { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(cliText(locale, 'badOption', { detail: (error as Error).message }));
  }
}

function timeoutOption(value: string | undefined, locale: Locale): number {
  if (value === undefined) return 10_000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 300) throw new UsageError(cliText(locale, 'badTimeout', { value }));
  return seconds * 1000;
}

/** The one e-mail address the alarms' new topic subscribes (`budgets create` takes several). */
function singleEmail(values: readonly string[] | undefined, locale: Locale): string | undefined {
  if (values !== undefined && values.length > 1) throw new UsageError(cliText(locale, 'badOption', { detail: cliText(locale, 'emailOnce') }));
  return values?.[0];
}

/** Commands that take a second word (`policy check`, `budgets list`, `alarms apply`, …). */
const WITH_SUBCOMMAND = new Set(['policy', 'budgets', 'cost', 'logging', 'alarms', 'dashboard']);

/** What the CLI may ask the person at the terminal: absent in tests and without a terminal. */
export interface CliIo {
  readonly confirm?: Confirm;
}

/** Runs the CLI on arguments and an environment; returns what to print and the exit code. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo = {}): Promise<CommandOutput> {
  let locale = pickLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  try {
    const langIndex = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
    if (langIndex >= 0) {
      const lang = argv[langIndex]!.includes('=') ? argv[langIndex]!.split('=')[1] : argv[langIndex + 1];
      if (lang !== 'en' && lang !== 'ja') throw new UsageError(cliText(locale, 'badLang', { value: lang ?? '' }));
      locale = lang;
    }
    const { values, positionals } = parse(argv, locale);
    if (values.version) return { stdout: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev', exitCode: 0 };
    const command = positionals[0];
    if (values.help || command === undefined || command === 'help') {
      return { stdout: cliText(locale, 'usage'), exitCode: command === undefined && !values.help ? 2 : 0 };
    }
    const words = WITH_SUBCOMMAND.has(command) ? 2 : 1;
    if (positionals.length > words) throw new UsageError(cliText(locale, 'badOption', { detail: cliText(locale, 'unexpectedArgument', { value: positionals[words] }) }));
    switch (command) {
      case 'profiles':
        return await profilesCommand({ json: values.json ?? false, locale, env });
      case 'doctor':
        return await doctorCommand({
          profile: values.profile,
          region: values.region,
          models: values.model ?? [],
          probe: values.probe ?? false,
          folder: values.folder,
          timeoutMs: timeoutOption(values.timeout, locale),
          json: values.json ?? false,
          locale,
          env,
          cwd: process.cwd(),
          sessionDays: sessionDaysOption(values['session-days'], locale),
        });
      case 'quotas':
      case 'usage': {
        const usageOptions = {
          profile: values.profile,
          region: values.region,
          models: values.model ?? [],
          folder: values.folder,
          range: values.range,
          timeoutMs: timeoutOption(values.timeout, locale),
          json: values.json ?? false,
          locale,
          env,
          cwd: process.cwd(),
        };
        return await (command === 'quotas' ? quotasCommand(usageOptions) : usageCommand(usageOptions));
      }
      case 'policy':
        return await policyCommand({
          subcommand: positionals[1],
          folder: values.folder,
          profile: values.profile,
          region: values.region,
          proof: values.proof,
          offline: values.offline ?? false,
          timeoutMs: timeoutOption(values.timeout, locale),
          json: values.json ?? false,
          locale,
          env,
          cwd: process.cwd(),
        });
      case 'alarms':
      case 'dashboard':
      case 'admin-stack': {
        const adminOptions = {
          subcommand: positionals[1],
          profile: values.profile,
          region: values.region,
          models: values.model ?? [],
          folder: values.folder,
          percent: values.percent,
          throttleThreshold: values['throttle-threshold'],
          email: singleEmail(values.email, locale),
          topicArn: values['topic-arn'],
          topicName: values['topic-name'],
          yes: values.yes ?? false,
          ...(io.confirm === undefined ? {} : { confirm: io.confirm }),
          timeoutMs: timeoutOption(values.timeout, locale),
          json: values.json ?? false,
          locale,
          env,
          cwd: process.cwd(),
        };
        if (command === 'alarms') return await alarmsCommand(adminOptions);
        if (command === 'dashboard') return await dashboardCommand(adminOptions);
        return await adminStackCommand({ ...adminOptions, output: values.output, offline: values.offline ?? false });
      }
      case 'models':
        return await modelsCommand({ profile: values.profile, region: values.region, timeoutMs: timeoutOption(values.timeout, locale), json: values.json ?? false, locale, env });
      case 'setup':
        return await setupCommand({
          folder: values.folder,
          profile: values.profile,
          region: values.region,
          models: values.model ?? [],
          backgroundModel: values['background-model'],
          sonnetModel: values['sonnet-model'],
          opusModel: values['opus-model'],
          maxOutputTokens: values['max-output-tokens'],
          scope: values.scope,
          dryRun: values['dry-run'] ?? false,
          offline: values.offline ?? false,
          timeoutMs: timeoutOption(values.timeout, locale),
          gitignore: !values['no-gitignore'],
          vscodeSettings: !values['no-vscode-settings'],
          json: values.json ?? false,
          locale,
          env,
          cwd: process.cwd(),
        });
      case 'team':
      case 'logging':
      case 'spend':
      case 'budgets':
      case 'cost': {
        const adminOptions: AdminOptions = {
          subcommand: positionals[1],
          profile: values.profile,
          region: values.region,
          models: values.model ?? [],
          folder: values.folder,
          range: values.range,
          yes: values.yes ?? false,
          timeoutMs: timeoutOption(values.timeout, locale),
          json: values.json ?? false,
          locale,
          env,
          cwd: process.cwd(),
          ...(io.confirm === undefined ? {} : { confirm: io.confirm }),
          values,
        };
        const run = { team: teamCommand, logging: loggingCommand, spend: spendCommand, budgets: budgetsCommand, cost: costCommand }[command];
        return await run(adminOptions);
      }
      default:
        throw new UsageError(cliText(locale, 'unknownCommand', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError) return { stderr: error.message, exitCode: 2 };
    throw error;
  }
}

/**
 * How long the process may linger once the output is written. Every request, socket and timer is
 * ended by the code that started it (credential providers included); this unref'd timer is only a
 * backstop against an SDK internal we do not own, so a CI job never hangs after its answer.
 */
const EXIT_GRACE_MS = 2_000;

if (require.main === module) {
  // The SDK copy bundled here supports this Node; its warning concerns later SDK releases only.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const confirm = terminalConfirm();
  runCli(process.argv.slice(2), process.env, confirm === undefined ? {} : { confirm }).then(
    (output) => {
      if (output.stdout !== undefined) process.stdout.write(`${output.stdout}\n`);
      if (output.stderr !== undefined) process.stderr.write(`${output.stderr}\n`);
      process.exitCode = output.exitCode;
      setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
      setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
    },
  );
}
