// Root setup for every mocha run: tests must never reach a non-loopback address nor inherit the
// developer's AWS identity. Everything AWS-related in the environment is cleared before any test.
for (const name of Object.keys(process.env)) {
  if (name.startsWith('AWS_')) delete process.env[name];
}
process.env.AWS_EC2_METADATA_DISABLED = 'true';
// The bundled SDK supports Node 20; its warning is about SDK releases we do not use.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// Nor the machine's organisation policy or Claude Code managed settings: each test that wants
// one points these at its own folder. The paths below never exist.
process.env.CLAUDE_BEDROCK_POLICY_DIR = '/nonexistent/claude-bedrock-policy-of-the-test-run';
process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR ??= '/nonexistent/claude-code-managed-settings-of-the-test-run';
// Nor the developer's Claude Code folder (settings, session files): tests use HOME/.claude or set their own.
delete process.env.CLAUDE_CONFIG_DIR;
