/** `claude-bedrock profiles`: the AWS identities of this machine, as a table or JSON. */

import { loadProfiles, type Environment } from '../../aws/profiles/awsFiles';
import type { Locale } from '../../core/text/locale';
import { kindLabel, tokenLabel } from '../../core/profiles/profileLabels';
import type { AwsProfile } from '../../core/profiles/profiles';
import { problemReport, profilesReport } from '../report';
import { printable, renderTable } from '../table';
import { cliText } from '../text';
import type { CommandOutput } from '../output';

function status(profile: AwsProfile, locale: Locale): string {
  const notable = profile.problems.filter((problem) => problem.severity !== 'info');
  const parts: string[] = [];
  if (profile.sso) parts.push(tokenLabel(profile.sso.token, locale));
  if (profile.loginSession) parts.push(tokenLabel(profile.loginSession.token, locale));
  parts.push(notable.length === 0 ? cliText(locale, 'statusOk') : cliText(locale, 'statusProblems', { count: notable.length }));
  return parts.join(' · ');
}

function describeKind(profile: AwsProfile, locale: Locale): string {
  const label = kindLabel(profile.kind, locale);
  const last = profile.chain?.[profile.chain.length - 1];
  if (profile.chain && profile.chain.length > 1) return `${label} (${profile.chain.slice(1).map((link) => link.profile).join(' → ')})`;
  if (last?.credentialSource) return `${label} (${last.credentialSource})`;
  return label;
}

export async function profilesCommand(options: { json: boolean; locale: Locale; env: Environment }): Promise<CommandOutput> {
  const { json, locale, env } = options;
  const discovery = await loadProfiles(env);
  if (json) return { stdout: JSON.stringify(profilesReport(discovery, locale), null, 2), exitCode: 0 };

  const lines: string[] = [];
  const rows = discovery.profiles.map((profile) => [
    printable(profile.name) + (profile.isActive ? ` (${cliText(locale, 'active')})` : ''),
    describeKind(profile, locale),
    printable(profile.region ?? '-'),
    status(profile, locale),
  ]);
  const environment = discovery.environment;
  if (environment.credentials) {
    rows.push([
      cliText(locale, 'environmentRow'),
      kindLabel(environment.credentials.kind, locale),
      environment.region ?? '-',
      environment.credentials.accessKeyIdHint,
    ]);
  }
  if (rows.length === 0) {
    lines.push(cliText(locale, 'noProfiles', { config: discovery.files.config.path, credentials: discovery.files.credentials.path }));
  } else {
    lines.push(
      renderTable(
        [cliText(locale, 'headerName'), cliText(locale, 'headerKind'), cliText(locale, 'headerRegion'), cliText(locale, 'headerStatus')],
        rows,
      ),
    );
  }
  if (environment.bedrockApiKey) lines.push('', cliText(locale, 'bedrockApiKey'));

  const problemLines = (title: string, problems: AwsProfile['problems']) => {
    const shown = problems.filter((problem) => problem.severity !== 'info');
    if (shown.length === 0) return;
    lines.push('', title);
    for (const problem of shown) {
      const text = problemReport(problem, locale);
      const where = problem.file ? ` (${cliText(locale, 'at', { file: problem.file, line: problem.line ?? '' })})` : '';
      lines.push(`  ${problem.severity === 'error' ? '✖' : '⚠'} ${printable(text.message)}${where}`);
      lines.push(`    ${cliText(locale, 'fixLabel')}: ${printable(text.fix)}`);
    }
  };
  problemLines(cliText(locale, 'fileProblems'), discovery.problems);
  for (const profile of discovery.profiles) {
    problemLines(cliText(locale, 'profileProblems', { profile: printable(profile.name) }), profile.problems);
  }
  return { stdout: lines.join('\n'), exitCode: 0 };
}
