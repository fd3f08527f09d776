import { defineConfig } from 'drizzle-kit';

/** drizzle-kit: `npx drizzle-kit generate` writes SQL migrations from lib/db/schema.ts into lib/db/migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
  casing: 'snake_case',
  strict: true,
  verbose: true,
});
