// Types for scripts/manifest-origin.js (CommonJS, shared by webpack.config.js and the tests).
export declare const DEV_ORIGIN: 'https://localhost:3000';
export declare function parseOrigin(text: string): string;
export declare function rewriteManifestOrigin(xml: string, origin: string): string;
