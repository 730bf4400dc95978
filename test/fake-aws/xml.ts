import type { FakeRequest, FakeResponse } from './http';

/**
 * Just enough of awsQuery for STS and SNS: the form body of a request, whether a request is one of
 * a service's (by its API version), and XML writing for the answers.
 * Object key order is element order, which is all these small documents need.
 */
export interface XmlTree {
  /** A list is the element repeated (`member` entries of awsQuery lists). */
  [element: string]: string | number | XmlTree | readonly XmlTree[] | undefined;
}

/** Text content escaping; quotes stay literal, as in AWS's own documents. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderChildren(tree: XmlTree): string {
  let out = '';
  for (const [name, value] of Object.entries(tree)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly XmlTree[]) out += `<${name}>${renderChildren(item)}</${name}>`;
      continue;
    }
    const inner = typeof value === 'object' ? renderChildren(value as XmlTree) : escapeXml(String(value));
    out += `<${name}>${inner}</${name}>`;
  }
  return out;
}

/** `<root xmlns="…">children</root>`. */
export function renderXml(root: string, children: XmlTree, xmlns?: string): string {
  const attribute = xmlns === undefined ? '' : ` xmlns="${escapeXml(xmlns).replace(/"/g, '&quot;')}"`;
  return `<${root}${attribute}>${renderChildren(children)}</${root}>`;
}

const formCache = new WeakMap<FakeRequest, URLSearchParams>();

/** The form body of an awsQuery request, parsed once. */
export function awsQueryForm(req: FakeRequest): URLSearchParams {
  let params = formCache.get(req);
  if (!params) {
    params = new URLSearchParams(req.body.toString('utf8'));
    formCache.set(req, params);
  }
  return params;
}

/** Whether a request is an awsQuery call of the service of this API version (`POST /`, a form with `Version`). */
export function isAwsQuery(req: FakeRequest, version: string): boolean {
  return req.method === 'POST' && req.path === '/' && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') && awsQueryForm(req).get('Version') === version;
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`. */
export function awsQueryResponse(action: string, result: XmlTree, requestId: string, xmlns: string): FakeResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: renderXml(`${action}Response`, { [`${action}Result`]: result, ResponseMetadata: { RequestId: requestId } }, xmlns),
  };
}
