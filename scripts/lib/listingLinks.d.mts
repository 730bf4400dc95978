// Types of listingLinks.mjs, for the TypeScript tests.
export declare const ALLOWED_DOC_HOSTS: readonly string[];
export type LinkMode = { rewrite: false } | { rewrite: true; repository: string; content: string; images: string };
export interface Link {
  kind: 'image' | 'link';
  target: string;
  line: number;
  syntax: 'inline' | 'reference' | 'html' | 'bare';
}
export interface LinkContext {
  file: string;
  files: ReadonlySet<string>;
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
  mode: LinkMode;
  rewritten: boolean;
  home: string | undefined;
}
export declare function readmeLinkMode(repositoryUrl: string | undefined): LinkMode;
export declare function extractLinks(markdown: string): Link[];
export declare function headingSlug(heading: string): string;
export declare function headingAnchors(markdown: string): Set<string>;
export declare function judgeLink(link: Pick<Link, 'kind' | 'target'> & Partial<Link>, context: LinkContext): { ok: boolean; why: string };
