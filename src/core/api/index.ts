// The whole HTTP API as one object of endpoints (docs/api.md): the server registers exactly these
// routes, the client has one function per entry, the OpenAPI document is generated from them.
import { adminEndpoints } from './admin';
import { authEndpoints } from './auth';
import { catalogueEndpoints } from './catalogue';
import { consolidationEndpoints } from './consolidation';
import { fileEndpoints } from './files';
import { healthEndpoints } from './health';
import { provinceEndpoints } from './province';
import { submissionEndpoints } from './submissions';

export const API = {
  ...healthEndpoints,
  ...authEndpoints,
  ...catalogueEndpoints,
  ...submissionEndpoints,
  ...fileEndpoints,
  ...consolidationEndpoints,
  ...adminEndpoints,
  ...provinceEndpoints,
};
export type Api = typeof API;
export type EndpointName = keyof Api;

export * from './admin';
export * from './auth';
export * from './catalogue';
export * from './common';
export * from './consolidation';
export * from './endpoint';
export * from './files';
export * from './health';
export * from './province';
export * from './submissions';
