import { defineConfig } from 'drizzle-kit';

/** drizzle-kit: `npx drizzle-kit generate` writes SQL migrations from lib/server/db/schema.ts into lib/server/db/migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/server/db/schema.ts',
  out: './lib/server/db/migrations',
  casing: 'snake_case',
  strict: true,
  verbose: true,
});
