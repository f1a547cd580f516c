/** Writes schemas/*.schema.json from the zod definitions in src/core/format (npm run schemas). */
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILES } from '../src/core/format/schemas';

for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
  const path = new URL(`../schemas/${name}`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(schema(), null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}
