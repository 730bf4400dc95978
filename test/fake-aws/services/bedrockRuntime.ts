/**
 * Bedrock Runtime over restJson1 on the runtime listener (HTTP/2 or HTTP/1.1, SigV4 name
 * `bedrock`): Converse, InvokeModel (raw Anthropic Messages body in and out),
 * InvokeModelWithResponseStream (the same body in, an event stream of Anthropic Messages stream
 * events out) and CountTokens. `{modelId}` may be a system profile ID or ARN, an application
 * profile ID or ARN, or a bare foundation-model ID.
 *
 * Checks, in order, for the caller's account in the signing region: the identifier resolves;
 * a bare ID is on-demand capable; IAM allows the action; no SCP denies a destination region;
 * the account's access state for the base model. Only then is the body read and answered. A
 * failed check is an HTTP error before any stream starts, as at AWS.
 *
 * The control-plane routes (`GET /inference-profiles` …) are answered here too: Claude Code sends
 * its inference-profile listing to ANTHROPIC_BEDROCK_BASE_URL, the runtime URL. They are logged
 * under this module's name with the control plane's operation names.
 */
import { randomBytes } from 'node:crypto';
import { eventMessage } from '../eventStream';
import { jsonBody, jsonResponse, type FakeRequest, type FakeResponse } from '../http';
import { AwsError, jsonProtocol } from '../protocols';
import { foundationModelArn, type FakeFoundationModel } from '../scenario';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import { bedrockModule } from './bedrock';
import {
  BEDROCK_ERROR_MESSAGES,
  accessError,
  bedrockView,
  iamDenied,
  modelAccess,
  pathSegment,
  resolveTarget,
  scpDeniedDestination,
  type BedrockView,
  type ResolvedTarget,
} from './bedrockWorld';

const OPERATIONS: Record<string, { operation: string; action: string }> = {
  converse: { operation: 'Converse', action: 'bedrock:InvokeModel' },
  invoke: { operation: 'InvokeModel', action: 'bedrock:InvokeModel' },
  'invoke-with-response-stream': { operation: 'InvokeModelWithResponseStream', action: 'bedrock:InvokeModelWithResponseStream' },
  'count-tokens': { operation: 'CountTokens', action: 'bedrock:CountTokens' },
};

const PATH = /^\/model\/[^/]+\/(converse|invoke|invoke-with-response-stream|count-tokens)$/;

function operationOf(req: FakeRequest): { operation: string; action: string } | undefined {
  if (req.method !== 'POST') return undefined;
  const suffix = PATH.exec(req.path)?.[1];
  return suffix === undefined ? undefined : OPERATIONS[suffix];
}

/** InvokeModelWithResponseStream on a model without streaming (Titan Embeddings); text not verified against AWS. */
export const STREAMING_UNSUPPORTED = 'The model is unsupported for streaming.';

/** The answer every successful call gives, one token per piece: "OK, the fake model answers." */
const REPLY_TOKENS = ['OK', ',', ' the', ' fake', ' model', ' answers', '.'];

function validation(message: string): AwsError {
  return new AwsError(400, 'ValidationException', message);
}

/** A plausible input-token count for the text of a request: ceil(chars / 4) + 3. */
export function estimateInputTokens(texts: string[]): number {
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  return Math.ceil(chars / 4) + 3;
}

function reply(maxTokens: number | undefined): { text: string; outputTokens: number; stopped: boolean } {
  const outputTokens = Math.min(maxTokens ?? REPLY_TOKENS.length, REPLY_TOKENS.length);
  return { text: REPLY_TOKENS.slice(0, outputTokens).join(''), outputTokens, stopped: outputTokens < REPLY_TOKENS.length };
}

/** Deterministic, so tests can reason about it; roughly what a short call takes. */
function latencyMs(outputTokens: number): number {
  return 180 + 20 * outputTokens;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Text of Converse content blocks (`[{text}]`). */
function converseTexts(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((block) => (isRecord(block) && typeof block.text === 'string' ? [block.text] : []));
}

function converseMessageTexts(messages: unknown): string[] {
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message) => (isRecord(message) ? converseTexts(message.content) : []));
}

/** Text of Anthropic content: a string or `[{type:'text', text}]`. */
function anthropicTexts(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content.flatMap((block) => (isRecord(block) && typeof block.text === 'string' ? [block.text] : []));
}

function anthropicBodyTexts(body: Record<string, unknown>): string[] {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  return [...anthropicTexts(body.system), ...messages.flatMap((message) => (isRecord(message) ? anthropicTexts(message.content) : []))];
}

function malformed(detail: string): AwsError {
  return validation(`Malformed input request: ${detail}, please reformat your input and try again.`);
}

function requireConversation(messages: unknown): void {
  const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
  if (!isRecord(first) || first.role !== 'user') {
    throw validation('A conversation must start with a user message. Try again with a conversation that starts with a user message.');
  }
}

function positiveMaxTokens(value: unknown, member: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw validation(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  return value;
}

/** `claude-sonnet-4-5-20250929` from `anthropic.claude-sonnet-4-5-20250929-v1:0`, as Bedrock reports `model`. */
function anthropicModelName(modelId: string): string {
  return modelId.replace(/^anthropic\./, '').replace(/-v\d+(:\d+)?$/, '');
}

/** A Converse-shaped answer (Converse itself, and Nova's messages-v1 body): the reply and its token counts. */
function conversationAnswer(body: Record<string, unknown>, maxTokensValue: unknown) {
  requireConversation(body.messages);
  const maxTokens = positiveMaxTokens(maxTokensValue, 'inferenceConfig.maxTokens');
  const inputTokens = estimateInputTokens([...converseTexts(body.system), ...converseMessageTexts(body.messages)]);
  const answer = reply(maxTokens);
  const payload = {
    output: { message: { role: 'assistant', content: [{ text: answer.text }] } },
    stopReason: answer.stopped ? 'max_tokens' : 'end_turn',
    usage: { inputTokens, outputTokens: answer.outputTokens, totalTokens: inputTokens + answer.outputTokens },
  };
  return { inputTokens, outputTokens: answer.outputTokens, payload };
}

function converse(ctx: ServiceContext, model: FakeFoundationModel): FakeResponse {
  if (!model.outputModalities.includes('TEXT')) throw validation(BEDROCK_ERROR_MESSAGES.converseUnsupported);
  const body = jsonBody(ctx.req);
  if (!body) throw validation('Malformed input request, please reformat your input and try again.');
  const inferenceConfig = isRecord(body.inferenceConfig) ? body.inferenceConfig : {};
  const { outputTokens, payload } = conversationAnswer(body, inferenceConfig.maxTokens);
  return jsonResponse(200, { ...payload, metrics: { latencyMs: latencyMs(outputTokens) } }, { 'x-amzn-requestid': ctx.requestId });
}

function invokeHeaders(ctx: ServiceContext, inputTokens: number, outputTokens: number): Record<string, string> {
  return {
    'x-amzn-requestid': ctx.requestId,
    'x-amzn-bedrock-input-token-count': String(inputTokens),
    'x-amzn-bedrock-output-token-count': String(outputTokens),
    'x-amzn-bedrock-invocation-latency': String(latencyMs(outputTokens)),
  };
}

function parseInvokeBody(req: FakeRequest): Record<string, unknown> {
  const body = jsonBody(req);
  if (!body) throw validation('Malformed input request, please reformat your input and try again.');
  return body;
}

/** Anthropic Messages on Bedrock: `anthropic_version`, `max_tokens`, `messages` are required. */
function anthropicAnswer(req: FakeRequest) {
  const body = parseInvokeBody(req);
  for (const key of ['anthropic_version', 'max_tokens', 'messages']) {
    if (body[key] === undefined) throw malformed(`#: required key [${key}] not found`);
  }
  if (typeof body.anthropic_version !== 'string' || !body.anthropic_version.startsWith('bedrock-')) {
    throw malformed('#/anthropic_version: invalid value');
  }
  const maxTokens = positiveMaxTokens(body.max_tokens, 'max_tokens');
  requireConversation(body.messages);
  const inputTokens = estimateInputTokens(anthropicBodyTexts(body));
  const answer = reply(maxTokens);
  return { inputTokens, answer, id: `msg_bdrk_${randomBytes(12).toString('base64url')}`, stopReason: answer.stopped ? 'max_tokens' : 'end_turn' };
}

function invokeAnthropic(ctx: ServiceContext, model: FakeFoundationModel): FakeResponse {
  const { inputTokens, answer, id, stopReason } = anthropicAnswer(ctx.req);
  return jsonResponse(
    200,
    {
      id,
      type: 'message',
      role: 'assistant',
      model: anthropicModelName(model.modelId),
      content: [{ type: 'text', text: answer.text }],
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: answer.outputTokens },
    },
    invokeHeaders(ctx, inputTokens, answer.outputTokens),
  );
}

/**
 * An event stream whose `chunk` events carry `{"bytes":"<base64 of one JSON event>"}`; the last
 * event gets Bedrock's `amazon-bedrock-invocationMetrics`, as the real service adds them there.
 */
function chunkStream(ctx: ServiceContext, events: Record<string, unknown>[], inputTokens: number, outputTokens: number): FakeResponse {
  const frames = events.map((event, index) => {
    const last = index === events.length - 1;
    const withMetrics = last
      ? {
          ...event,
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: inputTokens,
            outputTokenCount: outputTokens,
            invocationLatency: latencyMs(outputTokens),
            firstByteLatency: latencyMs(0),
          },
        }
      : event;
    return eventMessage('chunk', { bytes: Buffer.from(JSON.stringify(withMetrics), 'utf8').toString('base64') });
  });
  return {
    status: 200,
    headers: {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-bedrock-content-type': 'application/json',
      'x-amzn-requestid': ctx.requestId,
    },
    body: Buffer.concat(frames),
  };
}

/** The Anthropic Messages stream: one text block, one delta per reply token. */
function streamAnthropic(ctx: ServiceContext, model: FakeFoundationModel): FakeResponse {
  const { inputTokens, answer, id, stopReason } = anthropicAnswer(ctx.req);
  const pieces = REPLY_TOKENS.slice(0, answer.outputTokens);
  const events: Record<string, unknown>[] = [
    {
      type: 'message_start',
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model: anthropicModelName(model.modelId),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 },
      },
    },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    ...pieces.map((text) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
    { type: 'content_block_stop', index: 0 },
    { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: answer.outputTokens } },
    { type: 'message_stop' },
  ];
  return chunkStream(ctx, events, inputTokens, answer.outputTokens);
}

/** Nova's messages-v1 stream: messageStart, one contentBlockDelta per token, stops, then metadata. */
function streamAmazon(ctx: ServiceContext): FakeResponse {
  const body = parseInvokeBody(ctx.req);
  const inferenceConfig = isRecord(body.inferenceConfig) ? body.inferenceConfig : {};
  const { inputTokens, outputTokens, payload } = conversationAnswer(body, inferenceConfig.maxTokens ?? inferenceConfig.max_new_tokens);
  const pieces = REPLY_TOKENS.slice(0, outputTokens);
  const events: Record<string, unknown>[] = [
    { messageStart: { role: 'assistant' } },
    ...pieces.map((text) => ({ contentBlockDelta: { delta: { text }, contentBlockIndex: 0 } })),
    { contentBlockStop: { contentBlockIndex: 0 } },
    { messageStop: { stopReason: payload.stopReason } },
    { metadata: { usage: { inputTokens, outputTokens } } },
  ];
  return chunkStream(ctx, events, inputTokens, outputTokens);
}

/** Amazon models: Nova's messages-v1 schema, or an embedding for Titan Embeddings. */
function invokeAmazon(ctx: ServiceContext, model: FakeFoundationModel): FakeResponse {
  const body = parseInvokeBody(ctx.req);
  if (model.outputModalities.includes('EMBEDDING')) {
    const text = body.inputText;
    if (typeof text !== 'string') throw malformed('#: required key [inputText] not found');
    const inputTokens = estimateInputTokens([text]) - 3;
    const embedding = Array.from({ length: 8 }, (_, index) => Number(Math.sin(index + text.length).toFixed(6)));
    return jsonResponse(200, { embedding, inputTextTokenCount: inputTokens }, invokeHeaders(ctx, inputTokens, 0));
  }
  const inferenceConfig = isRecord(body.inferenceConfig) ? body.inferenceConfig : {};
  const { inputTokens, outputTokens, payload } = conversationAnswer(body, inferenceConfig.maxTokens ?? inferenceConfig.max_new_tokens);
  return jsonResponse(200, payload, invokeHeaders(ctx, inputTokens, outputTokens));
}

/** `{"input":{"converse":{messages,system}}}` or `{"input":{"invokeModel":{"body":"<base64>"}}}`. */
function countTokens(ctx: ServiceContext): FakeResponse {
  const body = jsonBody(ctx.req);
  const input = body && isRecord(body.input) ? body.input : undefined;
  let texts: string[];
  if (input && isRecord(input.converse)) {
    requireConversation(input.converse.messages);
    texts = [...converseTexts(input.converse.system), ...converseMessageTexts(input.converse.messages)];
  } else if (input && isRecord(input.invokeModel) && typeof input.invokeModel.body === 'string') {
    let inner: unknown;
    try {
      inner = JSON.parse(Buffer.from(input.invokeModel.body, 'base64').toString('utf8'));
    } catch {
      inner = undefined;
    }
    if (!isRecord(inner)) throw validation('Malformed input request, please reformat your input and try again.');
    texts = anthropicBodyTexts(inner);
  } else {
    throw validation("1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null");
  }
  return jsonResponse(200, { inputTokens: estimateInputTokens(texts) }, { 'x-amzn-requestid': ctx.requestId });
}

function modelOf(view: BedrockView, target: ResolvedTarget): FakeFoundationModel | undefined {
  return target.kind === 'foundation-model' ? target.model : view.regionData.foundationModels.find((model) => model.modelId === target.modelId);
}

export const bedrockRuntimeModule: ServiceModule = {
  name: 'bedrock-runtime',
  signingName: 'bedrock',
  listener: 'runtime',
  protocol: jsonProtocol({
    style: 'restJson1',
    throttle: () => new AwsError(429, 'ThrottlingException', BEDROCK_ERROR_MESSAGES.throttled),
  }),
  matches: (req) => operationOf(req) !== undefined || bedrockModule.matches(req),
  operation: (req) => operationOf(req)?.operation ?? bedrockModule.operation(req),
  resource: (req) => (operationOf(req) ? pathSegment(req, 1) : bedrockModule.resource?.(req)),
  handle(ctx) {
    const op = operationOf(ctx.req);
    // A control-plane route sent to the runtime URL (Claude Code's ListInferenceProfiles).
    if (!op) return bedrockModule.handle(ctx);
    const view = bedrockView(ctx);
    const identifier = pathSegment(ctx.req, 1) ?? '';
    const target = resolveTarget(view, identifier);
    if (!target) throw validation(BEDROCK_ERROR_MESSAGES.invalidIdentifier);

    if (op.operation === 'CountTokens') {
      if (target.kind !== 'foundation-model') throw validation(BEDROCK_ERROR_MESSAGES.countTokensUnsupported);
    } else if (target.kind === 'foundation-model' && !target.model.inferenceTypesSupported.includes('ON_DEMAND')) {
      throw validation(BEDROCK_ERROR_MESSAGES.onDemandNotSupported(target.modelId));
    }

    iamDenied(view, op.action, target.arn);
    const denied = scpDeniedDestination(view, target);
    if (denied !== undefined) {
      throw new AwsError(
        403,
        'AccessDeniedException',
        BEDROCK_ERROR_MESSAGES.scpDenied(view.callerArn, op.action, foundationModelArn(denied, target.modelId)),
      );
    }
    const refused = accessError(modelAccess(view.accountState, target.modelId));
    if (refused) throw refused;

    const model = modelOf(view, target);
    // A profile whose model the region does not list: a broken scenario, answered like AWS would.
    if (!model) throw validation(BEDROCK_ERROR_MESSAGES.invalidIdentifier);
    switch (op.operation) {
      case 'Converse':
        return converse(ctx, model);
      case 'InvokeModel':
        return model.providerName === 'Anthropic' ? invokeAnthropic(ctx, model) : invokeAmazon(ctx, model);
      case 'InvokeModelWithResponseStream':
        if (!model.responseStreamingSupported) throw validation(STREAMING_UNSUPPORTED);
        return model.providerName === 'Anthropic' ? streamAnthropic(ctx, model) : streamAmazon(ctx);
      default:
        return countTokens(ctx);
    }
  },
};
