// Types of zip.mjs, for the TypeScript tests.
export declare function readZip(bytes: Buffer, name?: string): Map<string, Buffer>;
