import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The runtime's ajv: strict, no `$data`, defaults applied, the manifest's x- keywords known. */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({
    strict: true,
    allErrors: true,
    useDefaults: true,
    $data: false,
    ...options,
  });
  addFormats(ajv);
  ajv.addVocabulary(['x-input', 'x-secret']);
  return ajv;
}
