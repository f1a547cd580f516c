/** The JSON Schema files published in schemas/, by file name, each generated from zod. */
import { exportJsonSchema } from './claimtrail-v1';

export const SCHEMA_FILES: Record<string, () => object> = {
  'claimtrail-v1.schema.json': exportJsonSchema,
};
