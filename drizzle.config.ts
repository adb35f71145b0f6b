import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './core/infra/db/schemas.ts',
  out: './migrations',
});
