import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES } from './schemas';

describe('schemas/', () => {
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
    it(`${name} is what the zod schema generates (run npm run schemas if this fails)`, () => {
      const checkedIn = JSON.parse(readFileSync(new URL(`../../../schemas/${name}`, import.meta.url), 'utf8'));
      expect(checkedIn).toEqual(schema());
    });
  }
});
