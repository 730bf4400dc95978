/**
 * The fake's own HTTP control API under /__fake/, so another process (the browser e2e runner, a
 * demo script) can read the request log and inject faults without importing this code.
 *
 *   GET    /__fake/health    → {"ok":true,"scenario":…}
 *   GET    /__fake/requests  → the request log (JSON array of RequestLogEntry: time, service,
 *                               operation, resource?, accessKeyId?, signingRegion?, signingService?,
 *                               status, errorCode?, injected?, aborted?)
 *   DELETE /__fake/requests  → clears the log
 *   GET    /__fake/faults    → the active fault rules
 *   POST   /__fake/faults    → adds one rule (JSON body, same shape as fake.inject(); fault modes in faults.ts)
 *   DELETE /__fake/faults    → clears all rules
 */
import { validateFaultRule, type FaultBook, type FaultRule } from './faults';
import { jsonBody, jsonResponse, type FakeRequest, type FakeResponse } from './http';
import type { RequestLog } from './requestLog';

export const CONTROL_PREFIX = '/__fake/';

export interface ControlDeps {
  scenarioName: string;
  log: RequestLog;
  faults: FaultBook;
}

const NO_CONTENT: FakeResponse = { status: 204, headers: {}, body: '' };

/** The control API's answer, or undefined when the request is not for it. */
export function handleControl(req: FakeRequest, deps: ControlDeps): FakeResponse | undefined {
  if (!req.path.startsWith(CONTROL_PREFIX)) return undefined;
  const route = `${req.method} ${req.path.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`;
  switch (route) {
    case 'GET health':
      return jsonResponse(200, { ok: true, scenario: deps.scenarioName });
    case 'GET requests':
      return jsonResponse(200, deps.log.entries);
    case 'DELETE requests':
      deps.log.clear();
      return NO_CONTENT;
    case 'GET faults':
      return jsonResponse(200, deps.faults.list());
    case 'POST faults': {
      let rule: FaultRule;
      try {
        rule = validateFaultRule(jsonBody(req));
      } catch (error) {
        return jsonResponse(400, { message: error instanceof Error ? error.message : String(error) });
      }
      deps.faults.add(rule);
      return jsonResponse(201, { ok: true });
    }
    case 'DELETE faults':
      deps.faults.clear();
      return NO_CONTENT;
    default:
      return jsonResponse(404, { message: `fake-aws control API has no ${route}` });
  }
}
