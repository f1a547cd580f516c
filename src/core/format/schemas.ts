/** The JSON Schema files published in schemas/, by file name, each generated from zod. */
import { exportJsonSchema } from './claimtrail-v1';
import { docJsonSchema, DOC_SCHEMAS, type DocType } from './couch';

export const SCHEMA_FILES: Record<string, () => object> = {
  'claimtrail-v1.schema.json': exportJsonSchema,
  // One per document type of a team project's CouchDB database.
  ...Object.fromEntries((Object.keys(DOC_SCHEMAS) as DocType[]).map((type) => [`couch-${type}.schema.json`, () => docJsonSchema(type)])),
};
