/**
 * The shapes of the addresses an admin's notifications go to: an e-mail address and an SNS topic
 * ARN. The alarm plan, the budget plan and the admin stack's CloudFormation parameter check them with
 * these, so every surface accepts the same input. The shape only: SNS and Budgets confirm the rest.
 */

/** Something@domain.tld, without spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An SNS topic in any partition (aws, aws-cn, aws-us-gov, …): up to 256 letters, digits, hyphens and underscores, `.fifo` for a FIFO topic. */
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(?:\.fifo)?$/;

/** Whether a string is an e-mail address SNS or Budgets can send to (at most 254 characters, as SMTP allows). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** The e-mail shape as a CloudFormation AllowedPattern (an empty value allowed: no e-mail). */
export const OPTIONAL_EMAIL_PATTERN = `^$|${EMAIL.source}`;

/** Whether a string is the ARN of an SNS topic (standard or FIFO). */
export function isTopicArn(value: string): boolean {
  return TOPIC_ARN.test(value);
}

/** Whether a topic ARN names a FIFO topic (AWS Budgets cannot notify one). */
export function isFifoTopicArn(value: string): boolean {
  return value.endsWith('.fifo');
}
