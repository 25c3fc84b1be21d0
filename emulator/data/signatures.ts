import { SERVICE_SIGNATURES } from './signatures-services.js';
import { WEB_SIGNATURES } from './signatures-web.js';
import type { SignatureDef } from './signature-types.js';

/**
 * Exposure signatures the synthetic scanner can report. Ids follow the recorded mix of CVE ids and
 * slugs; a few entries reproduce recorded quirks (two CVE ids in one `cve_id`, no
 * `remediation_steps`, a nested remediation action with code, a literal newline in a name).
 * Assets store indexes into this list in a byte, so it must stay under 256 entries.
 */
export const SIGNATURES: readonly SignatureDef[] = [...SERVICE_SIGNATURES, ...WEB_SIGNATURES];
