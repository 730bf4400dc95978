/**
 * Removes what looks like a secret from text that is about to be shown or logged: AWS secret
 * keys (40 characters of base64), session and bearer tokens (long base64 runs), and the
 * middle of access key IDs. Errors from the SDK and from credential processes can echo them.
 */
const SECRET_ASSIGNMENT = /\b(aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken|SecretAccessKey|SessionToken|accessToken|refreshToken|clientSecret|x-amz-security-token|Authorization)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi;
const LONG_TOKEN = /[A-Za-z0-9/+=_-]{60,}/g;
const SECRET_KEY_SHAPE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const ACCESS_KEY_ID = /\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12}([A-Z0-9]{4})\b/g;

/** Text with secret-looking values replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  return text
    .replace(SECRET_ASSIGNMENT, (_whole, key: string, separator: string) => `${key}${separator}[redacted]`)
    .replace(LONG_TOKEN, '[redacted]')
    .replace(SECRET_KEY_SHAPE, (match) => (/[0-9]/.test(match) && /[A-Za-z]/.test(match) ? '[redacted]' : match))
    .replace(ACCESS_KEY_ID, (_whole, prefix: string, last: string) => `${prefix}…${last}`);
}
