import type { EmulatorResponse } from './types.js';

export function ok(body: unknown): EmulatorResponse {
  return { status: 200, body };
}

/** v2 (FastAPI) errors carry `detail`; v1 and gateway errors carry `message`. */
export function detail(status: number, text: string): EmulatorResponse {
  return { status, body: { detail: text } };
}

export function message(status: number, text: string): EmulatorResponse {
  return { status, body: { message: text } };
}

export const unknownProject = (): EmulatorResponse => detail(404, 'Unknown Project.');
export const assetNotFound = (id: string): EmulatorResponse =>
  detail(404, `Asset not found: ${id}`);
export const projectNotFoundV1 = (): EmulatorResponse => message(404, 'Project ID Not Found.');

/** Tells a parsed value from an error response a parameter reader returned instead. */
export function isResponse(value: unknown): value is EmulatorResponse {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}
