/**
 * Runs one suite against the real hub on each engine: PGlite in a fresh folder and the PostgreSQL
 * server on 127.0.0.1:5432 (database `test`) in a fresh schema. Where no PostgreSQL answers, the
 * PostgreSQL half prints why and skips; nothing else is ever skipped.
 */
import { afterAll, beforeAll, describe, type TestContext } from 'vitest';
import { dropSchema, postgresUnavailable, startHub, type HubEngine, type HubProcess, type HubStartOptions } from './hubTestKit';

export const HUB_ENGINES: readonly HubEngine[] = ['pglite', 'postgres'];

export interface EngineHub {
  readonly engine: HubEngine;
  /** The running hub; read it inside tests (it starts in beforeAll). */
  hub(): HubProcess & { secret: string };
  /** Call first in every test: skips (with the printed reason) where the engine is unavailable. */
  need(ctx: TestContext): void;
}

export function describeOnEngines(title: string, body: (engine: EngineHub) => void, options: Omit<HubStartOptions, 'engine'> = {}): void {
  for (const engine of HUB_ENGINES) {
    describe(`${title} (${engine})`, () => {
      let running: (HubProcess & { schema?: string }) | undefined;
      let unavailable: string | null = null;
      beforeAll(async () => {
        if (engine === 'postgres') {
          unavailable = await postgresUnavailable();
          if (unavailable) {
            console.log(`SKIPPED "${title}" on PostgreSQL: ${unavailable}`);
            return;
          }
        }
        running = await startHub({ engine, ...options });
      });
      afterAll(async () => {
        await running?.stop();
        if (running?.schema) await dropSchema(running.schema);
      });
      body({
        engine,
        hub: () => {
          if (!running || running.secret === null) throw new Error('the hub did not start (or did not print its secret)');
          return running as HubProcess & { secret: string };
        },
        need: (ctx) => {
          if (unavailable) ctx.skip();
        },
      });
    });
  }
}
