export interface EmulatorRequest {
  method: string; // 'GET', 'POST', ...
  path: string; // decoded path without query
  params: Record<string, string>; // decoded path parameters by name
  query: URLSearchParams;
  body: unknown; // parsed JSON body, or undefined
  apiKey: string; // the authenticated key
}

export interface EmulatorResponse {
  status: number;
  body: unknown; // serialised as JSON
  headers?: Record<string, string>;
}

export interface Clock {
  now(): number; // epoch ms; injectable for tests
}

export interface Route {
  method: string;
  pattern: string; // e.g. '/v2/projects/:projectId/assets/:assetId'
  handle(req: EmulatorRequest): EmulatorResponse | Promise<EmulatorResponse>;
}
