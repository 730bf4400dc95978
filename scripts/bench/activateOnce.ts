// One cold load and activation of the bundle in a fresh process; prints the timings as JSON.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createVscodeStandIn, extensionContext, loadWithStandIn } from '../../test/support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const standIn = createVscodeStandIn();
let loadMs = 0;
let activateMs = 0;
loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, () => undefined);
// Measure again from scratch: the first load above warmed Node's own modules, not the bundle.
const startLoad = performance.now();
loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => {
  loadMs = performance.now() - startLoad;
  const startActivate = performance.now();
  extension.activate(extensionContext(standIn));
  activateMs = performance.now() - startActivate;
});
process.stdout.write(JSON.stringify({ loadMs, activateMs }));
