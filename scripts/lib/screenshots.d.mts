// Types of screenshots.mjs, for the TypeScript tests.
export interface ListingScreenshot {
  image: string;
  from: string;
  crop?: [number, number, number, number];
  width?: number;
}
export declare const E2E_SCRIPTS: Readonly<Record<string, string>>;
export declare const SCREENSHOTS: readonly ListingScreenshot[];
