/**
 * STS over awsQuery: `POST /` with a form body, XML answers. GetCallerIdentity and AssumeRole,
 * with AssumeRole's trust and duration rules close enough to IAM's that role chains configured in
 * ~/.aws behave as they would against AWS.
 */
import type { FakeResponse } from '../http';
import { issueTemporaryKey } from '../credentials';
import { AwsError, awsQueryProtocol } from '../protocols';
import { parseRoleArn, type FakeAccessKey, type FakeRole } from '../scenario';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import { awsQueryForm, awsQueryResponse, isAwsQuery, type XmlTree } from '../xml';

const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const STS_VERSION = '2011-06-15';

function xmlResponse(action: string, result: XmlTree, requestId: string): FakeResponse {
  return awsQueryResponse(action, result, requestId, STS_XMLNS);
}

function validationError(message: string): AwsError {
  return new AwsError(400, 'ValidationError', message);
}

function getCallerIdentity(ctx: ServiceContext, caller: FakeAccessKey): FakeResponse {
  return xmlResponse('GetCallerIdentity', { Arn: caller.arn, UserId: caller.userId, Account: caller.account }, ctx.requestId);
}

/** The IAM role ARN behind an assumed-role session ARN, for trust checks. */
function roleArnOfSession(arn: string): string | undefined {
  const match = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : undefined;
}

function trusts(role: FakeRole, caller: FakeAccessKey): boolean {
  if (role.trustedPrincipals === undefined) return true;
  const sessionRole = roleArnOfSession(caller.arn);
  return role.trustedPrincipals.some(
    (principal) =>
      principal === caller.account ||
      principal === `arn:aws:iam::${caller.account}:root` ||
      principal === caller.arn ||
      (sessionRole !== undefined && principal === sessionRole),
  );
}

function requestedDuration(ctx: ServiceContext, role: FakeRole, chained: boolean): number {
  const raw = awsQueryForm(ctx.req).get('DurationSeconds');
  if (raw === null) return 3600;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds)) throw validationError(`Value '${raw}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer`);
  if (seconds < 900) {
    throw validationError(`1 validation error detected: Value '${seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
  }
  if (chained && seconds > 3600) {
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (seconds > (role.maxSessionDurationSeconds ?? 3600)) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return seconds;
}

function assumeRole(ctx: ServiceContext, caller: FakeAccessKey): FakeResponse {
  const params = awsQueryForm(ctx.req);
  const roleArn = params.get('RoleArn');
  const sessionName = params.get('RoleSessionName');
  if (roleArn === null) throw validationError(`1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null`);
  if (sessionName === null) throw validationError(`1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null`);
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw validationError(`1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
  }
  const role = ctx.state.roles.find((candidate) => candidate.arn === roleArn);
  const parsed = parseRoleArn(roleArn);
  // AWS answers a missing role exactly like an untrusted one, so callers cannot probe for roles.
  if (!role || !parsed || !trusts(role, caller)) {
    throw new AwsError(403, 'AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  }
  const chained = roleArnOfSession(caller.arn) !== undefined;
  const duration = requestedDuration(ctx, role, chained);
  const arn = `arn:aws:sts::${parsed.account}:assumed-role/${parsed.name}/${sessionName}`;
  const userId = `${role.roleId}:${sessionName}`;
  const key = issueTemporaryKey(ctx.state, {
    account: parsed.account,
    arn,
    userId,
    expiresAt: ctx.now + duration * 1000,
    issuedBy: 'AssumeRole',
  });
  return xmlResponse(
    'AssumeRole',
    {
      Credentials: {
        AccessKeyId: key.accessKeyId,
        SecretAccessKey: key.secretAccessKey,
        SessionToken: key.sessionToken,
        Expiration: new Date(ctx.now + duration * 1000).toISOString(),
      },
      AssumedRoleUser: { AssumedRoleId: userId, Arn: arn },
    },
    ctx.requestId,
  );
}

export const stsModule: ServiceModule = {
  name: 'sts',
  signingName: 'sts',
  protocol: awsQueryProtocol(STS_XMLNS),
  matches: (req) => isAwsQuery(req, STS_VERSION),
  operation: (req) => awsQueryForm(req).get('Action') ?? 'Unknown',
  handle(ctx) {
    const caller = ctx.caller?.key;
    if (!caller) throw new AwsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    switch (ctx.operation) {
      case 'GetCallerIdentity':
        return getCallerIdentity(ctx, caller);
      case 'AssumeRole':
        return assumeRole(ctx, caller);
      default:
        throw new AwsError(400, 'InvalidAction', `Could not find operation ${ctx.operation} for version ${STS_VERSION}`);
    }
  },
};
