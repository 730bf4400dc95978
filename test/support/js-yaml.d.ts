// The part of js-yaml (a devDependency, for reading the admin stack's YAML back in tests) the tests use.
declare module 'js-yaml' {
  export function load(text: string, options?: { json?: boolean }): unknown;
}
