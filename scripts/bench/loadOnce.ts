// One cold load of one lazily loaded bundle (argument: its file name in dist/) in a fresh process,
// `vscode` resolved to the stand-in; prints the milliseconds.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createVscodeStandIn, loadWithStandIn } from '../../test/support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', process.argv[2] ?? '');
const standIn = createVscodeStandIn();
// Warm Node's own modules (fs, path, …) first, so the figure is the bundle's alone.
loadWithStandIn(join(__dirname, '..', '..', 'dist', 'residencyText.js'), standIn, () => undefined);
const start = performance.now();
loadWithStandIn(bundle, standIn, () => undefined);
process.stdout.write(String(performance.now() - start));
