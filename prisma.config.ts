import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './prisma/migrationAdapter';

// The Wasm schema engine (engine: "js") runs migrations offline; the native one would be downloaded.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => migrationAdapter(process.env.DATABASE_URL ?? ''),
});
