/**
 * How an identity ARN of the invocation logs reads to a person: the SSO user's session name for an
 * IAM Identity Center role (`AWSReservedSSO_…`), the role's name for any other assumed role (its
 * session names vary per sign-in), the user's name for an IAM user.
 */

import type { CallerName } from './teamTypes';

/** The readable name, kind and merge key of an identity ARN. */
export function callerName(arn: string): CallerName {
  const match = /^arn:aws[\w-]*:(sts|iam)::(\d*):(.+)$/.exec(arn);
  if (!match) return { name: arn, kind: 'other', key: arn };
  const [, service, account, resource] = match as unknown as [string, string, string, string];
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const [, role = '', ...sessionParts] = resource.split('/');
    const session = sessionParts.join('/');
    if (role.startsWith('AWSReservedSSO_') && session !== '') {
      return { name: session, kind: 'sso', key: `${account}|sso|${role}|${session}`, role };
    }
    return { name: role, kind: 'role', key: `${account}|role|${role}`, role };
  }
  if (service === 'iam' && resource.startsWith('user/')) {
    const name = resource.slice(resource.lastIndexOf('/') + 1);
    return { name, kind: 'user', key: arn };
  }
  if (resource === 'root') return { name: 'root', kind: 'root', key: arn };
  return { name: arn, kind: 'other', key: arn };
}
