import { it } from 'vitest';
import { connector, capturedLogger } from '../helpers/connector.js';
import { startReliabilityEmulator, emulatorConnection } from './support/fixtures.js';

it('probe', async () => {
  const emu = await startReliabilityEmulator();
  const c = await connector();
  let t = Date.now();
  emu.setFaults([{ kind: 'oversize' }]);
  for (let i = 0; i < 3; i++) {
    const env = await c.execute('List Projects', {}, emulatorConnection(emu), { logger: capturedLogger().logger });
    console.log('oversize', env.error?.code, Date.now() - t); t = Date.now();
  }
  t = Date.now();
  await emu.stop();
  console.log('stop', Date.now() - t);
}, 120000);
