/**
 * Just enough XML writing for awsQuery responses (STS and SNS).
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
