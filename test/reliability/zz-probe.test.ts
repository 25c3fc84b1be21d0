import { it } from 'vitest';
import { connector, capturedLogger } from '../helpers/connector.js';
import { startReliabilityEmulator, emulatorConnection } from './support/fixtures.js';

it('probe', async () => {
  const emu = await startReliabilityEmulator();
  const c = await connector();
  for (const depth of [1000, 2000, 2500]) {
  const deep = JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
  try {
    const env = await c.execute('List Projects', { 'project id': deep }, emulatorConnection(emu), { logger: capturedLogger().logger });
    console.log(depth, 'execute ok', env.error?.code, env.error?.message.slice(0,200));
  } catch (e) { console.log(depth, 'execute threw', (e as Error).stack?.slice(0, 1500)); }
  try { structuredClone(deep); console.log('clone ok'); } catch (e) { console.log('clone threw', String(e)); }
  }
  await emu.stop();
}, 120000);
