// Root setup for every mocha run: tests must never reach a non-loopback address nor inherit the
// developer's AWS identity. Everything AWS-related in the environment is cleared before any test.
for (const name of Object.keys(process.env)) {
  if (name.startsWith('AWS_')) delete process.env[name];
}
process.env.AWS_EC2_METADATA_DISABLED = 'true';
