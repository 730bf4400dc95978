/**
 * Test helper: snapshot process.env and put it back, so a test that points the SDK at the fake
 * (HOME, AWS_CONFIG_FILE, AWS_ENDPOINT_URL, …) cannot leak that into the next test.
 */
export function snapshotEnv(): () => void {
  const saved = { ...process.env };
  return () => {
    for (const name of Object.keys(process.env)) {
      if (!(name in saved)) delete process.env[name];
    }
    for (const [name, value] of Object.entries(saved)) {
      if (value !== undefined) process.env[name] = value;
    }
  };
}
