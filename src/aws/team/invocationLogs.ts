/**
 * The Bedrock invocation-log adapters: the Region's logging configuration (read and, after the
 * caller's confirmation, set), the caller's identity, and one Logs Insights query run to its end:
 * StartQuery, then GetQueryResults polled (`Scheduled` / `Running` until `Complete`) with a pause
 * between polls that an abort cuts short, and StopQuery when the caller cancels or the query
 * outlives its deadline, so a hidden view leaves nothing running.
 */

import { BedrockClient, GetModelInvocationLoggingConfigurationCommand, PutModelInvocationLoggingConfigurationCommand, type LoggingConfig } from '@aws-sdk/client-bedrock';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand, StopQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { RawAwsError } from '../../core/models/bedrockTypes';
import type { InvocationLoggingConfig, QueryRow, QueryStatus, TeamQuery, TeamReport } from '../../core/team/teamTypes';
import { callAsValue, type AwsSession, type CallResult } from '../session';

function fromWire(config: LoggingConfig | undefined): InvocationLoggingConfig | undefined {
  if (!config || (!config.cloudWatchConfig && !config.s3Config)) return undefined;
  const cloudWatch = config.cloudWatchConfig;
  return {
    ...(cloudWatch?.logGroupName
      ? { cloudWatch: { logGroupName: cloudWatch.logGroupName, roleArn: cloudWatch.roleArn ?? '', ...(cloudWatch.largeDataDeliveryS3Config?.bucketName ? { largeDataBucket: cloudWatch.largeDataDeliveryS3Config.bucketName } : {}) } }
      : {}),
    ...(config.s3Config?.bucketName ? { s3: { bucketName: config.s3Config.bucketName, ...(config.s3Config.keyPrefix ? { keyPrefix: config.s3Config.keyPrefix } : {}) } } : {}),
    textDataDelivery: config.textDataDeliveryEnabled ?? false,
    imageDataDelivery: config.imageDataDeliveryEnabled ?? false,
    embeddingDataDelivery: config.embeddingDataDeliveryEnabled ?? false,
  };
}

function toWire(config: InvocationLoggingConfig): LoggingConfig {
  return {
    ...(config.cloudWatch ? { cloudWatchConfig: { logGroupName: config.cloudWatch.logGroupName, roleArn: config.cloudWatch.roleArn } } : {}),
    ...(config.s3 ? { s3Config: { bucketName: config.s3.bucketName, ...(config.s3.keyPrefix ? { keyPrefix: config.s3.keyPrefix } : {}) } } : {}),
    textDataDeliveryEnabled: config.textDataDelivery,
    imageDataDeliveryEnabled: config.imageDataDelivery,
    embeddingDataDeliveryEnabled: config.embeddingDataDelivery,
  };
}

function bedrock(session: AwsSession): BedrockClient {
  return session.client('bedrock', (config) => new BedrockClient(config));
}

/** The Region's invocation logging configuration; undefined when logging is off. */
export function getLoggingConfiguration(session: AwsSession): Promise<CallResult<InvocationLoggingConfig | undefined>> {
  return callAsValue(session, 'GetModelInvocationLoggingConfiguration', async (abortSignal) => {
    const output = await bedrock(session).send(new GetModelInvocationLoggingConfigurationCommand({}), { abortSignal });
    return fromWire(output.loggingConfig);
  });
}

/** Sets the Region's invocation logging configuration; the caller has the admin's confirmation of exactly this. */
export function putLoggingConfiguration(session: AwsSession, config: InvocationLoggingConfig): Promise<CallResult<void>> {
  return callAsValue(session, 'PutModelInvocationLoggingConfiguration', async (abortSignal) => {
    await bedrock(session).send(new PutModelInvocationLoggingConfigurationCommand({ loggingConfig: toWire(config) }), { abortSignal });
  });
}

/** Who the session's credentials are (STS GetCallerIdentity). */
export function getCallerIdentity(session: AwsSession): Promise<CallResult<{ arn: string; account: string }>> {
  const client = session.client('sts', (config) => new STSClient(config));
  return callAsValue(session, 'GetCallerIdentity', async (abortSignal) => {
    const output = await client.send(new GetCallerIdentityCommand({}), { abortSignal });
    return { arn: output.Arn ?? '', account: output.Account ?? '' };
  });
}

/** Waits `ms`, or less when the signal aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface QueryRunOptions {
  /** Between GetQueryResults polls; default 1 s. */
  readonly pollIntervalMs?: number;
  /** The whole query (start, polls) may take this long before it is stopped. */
  readonly deadlineMs: number;
  /** Hears each status while the query runs (the view's progress state). */
  readonly onStatus?: (status: QueryStatus, recordsScanned: number) => void;
}

export type QueryRun =
  | { readonly ok: true; readonly rows: QueryRow[]; readonly statistics: NonNullable<TeamReport['statistics']> }
  | { readonly ok: false; readonly error: RawAwsError; readonly stopped?: boolean };

const DONE: readonly string[] = ['Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown'];

/** Runs one Logs Insights query to its end; StopQuery when cancelled or past its deadline. Never throws. */
export async function runLogsQuery(session: AwsSession, query: TeamQuery, options: QueryRunOptions): Promise<QueryRun> {
  const client = session.client('logs', (config) => new CloudWatchLogsClient(config));
  const started = await callAsValue(session, 'StartQuery', async (abortSignal) => {
    const output = await client.send(
      new StartQueryCommand({ logGroupName: query.logGroupName, startTime: query.startTime, endTime: query.endTime, queryString: query.queryString, limit: query.limit }),
      { abortSignal },
    );
    return output.queryId ?? '';
  });
  if (!started.ok) return { ok: false, error: started.error };
  const queryId = started.value;
  const deadline = Date.now() + options.deadlineMs;
  const stop = async (): Promise<void> => {
    // A fresh, short deadline of its own: the caller's signal may be the reason we stop.
    await callAsValue({ timeoutMs: Math.min(session.timeoutMs, 5_000) }, 'StopQuery', (abortSignal) => client.send(new StopQueryCommand({ queryId }), { abortSignal }));
  };
  for (;;) {
    if (session.signal?.aborted) {
      await stop();
      return { ok: false, error: { operation: 'GetQueryResults', phase: 'call', cancelled: true }, stopped: true };
    }
    const polled = await callAsValue(session, 'GetQueryResults', (abortSignal) => client.send(new GetQueryResultsCommand({ queryId }), { abortSignal }));
    if (!polled.ok) {
      // A query left running keeps scanning (and billing) the log group at AWS: stop it.
      await stop();
      return { ok: false, error: polled.error, stopped: true };
    }
    const output = polled.value;
    const status = (output.status ?? 'Unknown') as QueryStatus;
    const statistics = { recordsMatched: output.statistics?.recordsMatched ?? 0, recordsScanned: output.statistics?.recordsScanned ?? 0, bytesScanned: output.statistics?.bytesScanned ?? 0 };
    options.onStatus?.(status, statistics.recordsScanned);
    if (status === 'Complete') {
      const rows = (output.results ?? []).map((row) => Object.fromEntries(row.map((cell) => [cell.field ?? '', cell.value ?? ''])) as QueryRow);
      return { ok: true, rows, statistics };
    }
    if (DONE.includes(status)) return { ok: false, error: { operation: 'GetQueryResults', phase: 'call', name: `Query${status}`, message: `The Logs Insights query ended with status ${status}.` } };
    if (Date.now() >= deadline) {
      await stop();
      return { ok: false, error: { operation: 'GetQueryResults', phase: 'call', timedOut: true }, stopped: true };
    }
    await pause(Math.min(options.pollIntervalMs ?? 1_000, Math.max(0, deadline - Date.now())), session.signal);
  }
}
