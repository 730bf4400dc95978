/**
 * One request's way through the fake, independent of the transport: route to a module, apply an
 * injected fault, verify SigV4, run the handler, render errors in the module's protocol, and log.
 */
import { randomUUID } from 'node:crypto';
import { authenticateSigV4, claimedSigning, type Caller } from './auth';
import { delay, faultKindOf, type FaultBook, type FaultKind } from './faults';
import { jsonResponse, type FakeRequest, type FakeResponse } from './http';
import { AwsError, htmlErrorPage } from './protocols';
import type { RequestLog, RequestLogEntry } from './requestLog';
import type { Scenario } from './scenario';
import type { ServiceModule } from './serviceModule';

export interface PipelineDeps {
  modules: ServiceModule[];
  state: Scenario;
  log: RequestLog;
  faults: FaultBook;
}

/** Resolves to the answer, or undefined when the client left before it was ready. */
export type Pipeline = (req: FakeRequest, signal: AbortSignal) => Promise<FakeResponse | undefined>;

function unrouted(req: FakeRequest, log: RequestLog, time: string): FakeResponse {
  // Only method and path: a query string or body could hold something secret.
  log.add({ time, service: 'unknown', operation: `${req.method} ${req.path}`, status: 404, errorCode: 'UnknownOperationException' });
  return jsonResponse(404, { message: `fake-aws: no service module handles ${req.method} ${req.path}` }, {
    'x-amzn-errortype': 'UnknownOperationException',
  });
}

async function answer(
  module: ServiceModule,
  req: FakeRequest,
  operation: string,
  requestId: string,
  deps: PipelineDeps,
): Promise<FakeResponse> {
  const now = Date.now();
  let caller: Caller | undefined;
  if (module.signingName !== undefined) {
    const result = await authenticateSigV4(req, module.signingName, deps.state, now);
    if (!result.ok) return module.protocol.renderError(module.protocol.authError(result.failure), requestId);
    caller = result.caller;
  }
  try {
    return await module.handle({ req, operation, requestId, state: deps.state, now, ...(caller && { caller }) });
  } catch (error) {
    if (error instanceof AwsError) return module.protocol.renderError(error, requestId);
    // A bug in a module: say so loudly on stderr, answer like an AWS 500.
    console.error(`fake-aws: ${module.name}.${operation} failed:`, error);
    return module.protocol.renderError(new AwsError(500, 'InternalFailure', 'fake-aws internal error'), requestId);
  }
}

/** The answer a fault mode gives instead of (for `reset`: on top of) the real one. */
async function faultAnswer(
  kind: FaultKind,
  module: ServiceModule,
  req: FakeRequest,
  operation: string,
  requestId: string,
  deps: PipelineDeps,
): Promise<FakeResponse> {
  switch (kind) {
    case 'throttle':
      return module.protocol.renderError(module.protocol.throttle(), requestId);
    case 'json-500':
      return module.protocol.renderError(module.protocol.serverError(500), requestId);
    case 'json-503':
      return module.protocol.renderError(module.protocol.serverError(503), requestId);
    case 'html-500':
      return htmlErrorPage(500);
    case 'html-503':
      return htmlErrorPage(503);
    case 'hang':
      return { status: 0, headers: {}, body: '', delivery: 'hang' };
    case 'malformed':
      return module.protocol.malformed(operation, requestId);
    case 'reset':
      return { ...(await answer(module, req, operation, requestId, deps)), delivery: 'reset' };
    case 'expired-credentials':
      return module.protocol.renderError(module.protocol.authError({ kind: 'expired' }), requestId);
  }
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  return async (req, signal) => {
    const time = new Date().toISOString();
    const module = deps.modules.find((candidate) => candidate.matches(req));
    if (!module) return unrouted(req, deps.log, time);

    const operation = module.operation(req);
    const requestId = randomUUID();
    const signing = module.signingName === undefined ? undefined : claimedSigning(req);
    const resource = module.resource?.(req);
    const entry: RequestLogEntry = {
      time,
      service: module.name,
      operation,
      ...(resource !== undefined && { resource }),
      ...(signing && { accessKeyId: signing.accessKeyId, signingRegion: signing.region, signingService: signing.service }),
      status: 0,
    };

    const fault = deps.faults.take(module.name, operation);
    if (fault?.latencyMs !== undefined && fault.latencyMs > 0) {
      const completed = await delay(fault.latencyMs, signal);
      if (!completed) {
        deps.log.add({ ...entry, aborted: true });
        return undefined;
      }
    }

    const kind = fault && faultKindOf(fault);
    let response: FakeResponse;
    if (fault?.error) {
      response = module.protocol.renderError(new AwsError(fault.error.status, fault.error.code, fault.error.message), requestId);
    } else if (kind !== undefined) {
      response = await faultAnswer(kind, module, req, operation, requestId, deps);
      entry.fault = kind;
    } else {
      response = await answer(module, req, operation, requestId, deps);
    }
    if (fault?.error || kind !== undefined) entry.injected = true;
    if (signal.aborted) {
      deps.log.add({ ...entry, aborted: true });
      return undefined;
    }
    entry.status = response.status;
    if (response.errorCode !== undefined) entry.errorCode = response.errorCode;
    deps.log.add(entry);
    return response;
  };
}
