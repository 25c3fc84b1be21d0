import { it } from 'vitest';
import { connector, capturedLogger } from '../helpers/connector.js';
import { startReliabilityEmulator, discoverFixtures, validInputs, emulatorConnection } from './support/fixtures.js';

it('probe', async () => {
  let t = Date.now();
  const emu = await startReliabilityEmulator();
  console.log('start ms', Date.now() - t);
  const c = await connector();
  t = Date.now();
  const fx = await discoverFixtures(emu);
  console.log('discover', Date.now() - t, fx);
  const valid = validInputs(fx);
  for (const cmd of c.commands) {
    const before = emu.requests();
    t = Date.now();
    const env = await c.execute(cmd.name, valid[cmd.name], emulatorConnection(emu), { logger: capturedLogger().logger });
    console.log(cmd.name, env.returnData, env.error?.code, env.error?.message?.slice(0, 200), 'req', emu.requests() - before, 'ms', Date.now() - t, JSON.stringify(env.keyFields).slice(0, 150));
  }
  for (const id of ['\uD800', 'a\uDFFFb']) {
    const env = await c.execute('Get Asset Details', { 'Project ID': fx.projectIds[0], 'Asset ID': id }, emulatorConnection(emu), { logger: capturedLogger().logger });
    console.log('surrogate', env.error?.code, env.error?.message);
    const env2 = await c.execute('Get Issue History', { 'Project ID': fx.projectIds[0], Query: id }, emulatorConnection(emu), { logger: capturedLogger().logger, sleep: async () => {} });
    console.log('surrogate q', env2.error?.code, env2.error?.message);
  }
  await emu.stop();
}, 120000);
