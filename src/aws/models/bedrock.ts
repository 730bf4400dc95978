/**
 * The Bedrock adapters: the control plane (listings, one profile, model availability) and the
 * runtime probe. Credentials are resolved once per session; every call then has its own timeout
 * and comes back as a value, either the core record or a RawAwsError for `diagnoseAwsError`.
 */

import {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetInferenceProfileCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  type FoundationModelSummary,
  type GetInferenceProfileResponse,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  FoundationModelRecord,
  InferenceProfileRecord,
  ModelAvailabilityRecord,
  ProbeRecord,
} from '../../core/models/bedrockTypes';
import { callAsValue, openAwsSession, type AwsSession, type CallResult } from '../session';
import type { AwsCallContext } from '../clients';

export type { CallResult } from '../session';

export interface BedrockSessionOptions extends AwsCallContext {
  /** Per call, and for resolving credentials. */
  readonly timeoutMs?: number;
}

/** Clients for one profile and region, sharing one set of resolved credentials. */
export interface BedrockSession {
  readonly region: string;
  readonly control: BedrockClient;
  readonly runtime: BedrockRuntimeClient;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  close(): void;
}

/** The Bedrock view of a session: its credentials, the control-plane client and, on first use, the runtime client. */
export function bedrockSessionOf(session: AwsSession): BedrockSession {
  return {
    region: session.region,
    timeoutMs: session.timeoutMs,
    signal: session.signal,
    control: session.client('bedrock', (config) => new BedrockClient(config)),
    // The SDK's default for Bedrock Runtime is its HTTP/2 handler, which an HTTP/1.1-only gateway
    // or proxy (AWS_ENDPOINT_URL_BEDROCK_RUNTIME) refuses; Claude Code speaks HTTP/1.1 there, and
    // so does the probe, with the same timeouts as every other client.
    get runtime() {
      return session.client('bedrock-runtime', (config) => new BedrockRuntimeClient({ ...config, requestHandler: new NodeHttpHandler(config.requestHandler) }));
    },
    close: () => session.close(),
  };
}

/** Resolves credentials (once) for both clients; a failure is a credentials-phase error. */
export async function openBedrockSession(options: BedrockSessionOptions): Promise<CallResult<BedrockSession>> {
  const opened = await openAwsSession(options);
  return opened.ok ? { ...opened, value: bedrockSessionOf(opened.value) } : opened;
}

/** One call with the session's timeout, as a value. */
function call<T>(session: BedrockSession, operation: string, step: (signal: AbortSignal) => Promise<T>): Promise<CallResult<T>> {
  return callAsValue(session, operation, step);
}

function profileRecord(summary: InferenceProfileSummary | GetInferenceProfileResponse): InferenceProfileRecord {
  return {
    id: summary.inferenceProfileId ?? '',
    arn: summary.inferenceProfileArn ?? '',
    name: summary.inferenceProfileName ?? '',
    type: summary.type === 'APPLICATION' ? 'APPLICATION' : 'SYSTEM_DEFINED',
    status: summary.status ?? '',
    modelArns: (summary.models ?? []).map((model) => model.modelArn ?? '').filter((arn) => arn !== ''),
    description: summary.description,
  };
}

function foundationModelRecord(summary: FoundationModelSummary): FoundationModelRecord {
  return {
    modelId: summary.modelId ?? '',
    modelArn: summary.modelArn ?? '',
    modelName: summary.modelName ?? '',
    providerName: summary.providerName ?? '',
    inferenceTypes: (summary.inferenceTypesSupported ?? []).map(String),
    lifecycle: summary.modelLifecycle?.status ?? 'ACTIVE',
  };
}

/** Every inference profile of the region, system-defined and application, across all pages. */
export async function listInferenceProfiles(session: BedrockSession, pageSize = 100): Promise<CallResult<InferenceProfileRecord[]>> {
  return call(session, 'ListInferenceProfiles', async (abortSignal) => {
    const pages = await Promise.all(
      (['SYSTEM_DEFINED', 'APPLICATION'] as const).map(async (typeEquals) => {
        const records: InferenceProfileRecord[] = [];
        let nextToken: string | undefined;
        do {
          const output = await session.control.send(new ListInferenceProfilesCommand({ typeEquals, maxResults: pageSize, nextToken }), { abortSignal });
          records.push(...(output.inferenceProfileSummaries ?? []).map(profileRecord));
          nextToken = output.nextToken;
        } while (nextToken);
        return records;
      }),
    );
    return pages.flat();
  });
}

/** The Anthropic foundation models of the region. */
export async function listFoundationModels(session: BedrockSession): Promise<CallResult<FoundationModelRecord[]>> {
  return call(session, 'ListFoundationModels', async (abortSignal) => {
    const output = await session.control.send(new ListFoundationModelsCommand({ byProvider: 'Anthropic' }), { abortSignal });
    return (output.modelSummaries ?? []).map(foundationModelRecord);
  });
}

/** One inference profile by ID or ARN, with its destinations. */
export async function getInferenceProfile(session: BedrockSession, idOrArn: string): Promise<CallResult<InferenceProfileRecord>> {
  return call(session, 'GetInferenceProfile', async (abortSignal) =>
    profileRecord(await session.control.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: idOrArn }), { abortSignal })),
  );
}

/** Whether the account may use a base model in this region: authorisation, agreement, entitlement, region. */
export async function getModelAvailability(session: BedrockSession, baseModelId: string): Promise<CallResult<ModelAvailabilityRecord>> {
  return call(session, 'GetFoundationModelAvailability', async (abortSignal) => {
    const output = await session.control.send(new GetFoundationModelAvailabilityCommand({ modelId: baseModelId }), { abortSignal });
    return {
      modelId: output.modelId ?? baseModelId,
      authorization: output.authorizationStatus ?? '',
      agreement: output.agreementAvailability?.status ?? '',
      agreementMessage: output.agreementAvailability?.errorMessage,
      entitlement: output.entitlementAvailability ?? '',
      region: output.regionAvailability ?? '',
    };
  });
}

/** The probe's prompt; short, so the call costs a handful of input tokens and one output token. */
export const PROBE_PROMPT = 'Reply with OK.';

/**
 * The only proof that an ID is invocable: a real Converse call with a one-token answer, on
 * exactly the ID that would be written to the settings.
 */
export async function probeModel(session: BedrockSession, modelId: string): Promise<CallResult<ProbeRecord>> {
  return call(session, 'Converse', async (abortSignal) => {
    const started = Date.now();
    const output = await session.runtime.send(
      new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: PROBE_PROMPT }] }], inferenceConfig: { maxTokens: 1 } }),
      { abortSignal },
    );
    return {
      modelId,
      latencyMs: output.metrics?.latencyMs ?? Date.now() - started,
      inputTokens: output.usage?.inputTokens ?? 0,
      outputTokens: output.usage?.outputTokens ?? 0,
    };
  });
}
