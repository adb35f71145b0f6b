export { buildWebApp, type WebAppOptions } from './app.ts';
export type { HealthProbe, HealthReport } from './health.ts';
