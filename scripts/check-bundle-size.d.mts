// Types of scripts/check-bundle-size.mjs for the TypeScript callers (bench/web.ts, tests).
export declare const BUDGET_BYTES: number;
export declare const BUDGETS: readonly { readonly page: string; readonly name: string; readonly bytes: number }[];
export declare function initialScripts(html: string): string[];
export declare function measure(dist: string, page?: string): { file: string; raw: number; gzip: number }[];
