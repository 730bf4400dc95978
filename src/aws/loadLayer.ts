/**
 * Loads the AWS layer from its own bundle beside the caller's (`dist/aws.js`). A runtime require
 * keeps esbuild from inlining the SDK into the extension and CLI bundles: they stay small and
 * quick to load, and pay for the SDK only when they first talk to AWS.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Layer from './layer';

export type AwsLayer = typeof Layer;

let loaded: AwsLayer | undefined;

export async function loadAwsLayer(): Promise<AwsLayer> {
  if (loaded) return loaded;
  const bundle = join(__dirname, 'aws.js');
  if (!existsSync(bundle)) throw new Error(`The AWS layer ${bundle} is missing: run npm run build.`);
  loaded = createRequire(__filename)(bundle) as AwsLayer;
  return loaded;
}
