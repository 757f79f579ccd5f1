// Types for scripts/dev-certs.mjs, for TypeScript callers such as the reporting server.
export declare const CERT_DIR: string;
export interface HttpsOptions {
  key: string | Buffer;
  cert: string | Buffer;
  ca?: string | Buffer;
}
export declare function trustInstructions(): string[];
export declare function httpsOptions(options?: { log?: (line: string) => void }): Promise<HttpsOptions>;
