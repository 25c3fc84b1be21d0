import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from './support/commands.js';
import { expectNoSecret, expectValidEnvelope } from './support/envelope-checks.js';
import { expectFaultOutcome, outcome } from './support/fault-checks.js';
import { useFaultHarness } from './support/fault-harness.js';
import type { FaultCase } from './support/fault-table.js';

const harness = useFaultHarness();

/**
 * Each oversized answer streams 50 MB before the client gives up, about half a second of CPU.
 * The normal run covers one command per request shape (GET v1, paginated GET v2, POST with a
 * body, query scroll); RELIABILITY_FULL=1 covers every command.
 */
const OVERSIZE_COMMANDS =
  process.env.RELIABILITY_FULL === '1'
    ? [...ALL_COMMANDS]
    : ['Test Connection', 'Find Assets', 'Apply Tags to Asset', 'SQL Query'];

const OVERSIZE: FaultCase = {
  name: 'a body over the size limit',
  faults: () => [{ kind: 'oversize' }],
  code: 'RESPONSE_TOO_LARGE',
  requests: 1,
  deadlineMs: 60_000,
};

describe(`under ${OVERSIZE.name}`, () => {
  it.each(OVERSIZE_COMMANDS)(`%s ${outcome(OVERSIZE)}`, async (command) => {
    const emu = harness.emu();
    emu.setFaults(OVERSIZE.faults());
    const before = emu.requests();
    const run = await harness.run(command, OVERSIZE.deadlineMs);
    const requests = emu.requests() - before;
    emu.setFaults([]);

    expectFaultOutcome(OVERSIZE, command, run, requests, harness.cleanRequests(command));
  });
});

/**
 * Every response comes 1.5 s late, past the 1 s Request Timeout. Each attempt really waits for
 * its timeout, so the commands run side by side and the emulator's count is checked as a whole.
 */
async function runAllLate(deadlineMs: number) {
  const emu = harness.emu();
  emu.setFaults([{ latencyMs: 1_500 }]);
  const before = emu.requests();
  const runs = await Promise.all(
    ALL_COMMANDS.map((command) => harness.run(command, deadlineMs, { timeoutSeconds: 1 })),
  );
  const requests = emu.requests() - before;
  emu.setFaults([]);
  return { runs, requests };
}

describe('when every response comes after the 1 s Request Timeout', () => {
  it('each command fails with TIMEOUT, transient, retrying only while a 2.5 s deadline allows', async () => {
    const { runs, requests } = await runAllLate(2_500);

    runs.forEach(({ envelope, lines, delays, clientRequests }, index) => {
      const command = ALL_COMMANDS[index] ?? '';
      expectValidEnvelope(envelope, command);
      expectNoSecret([JSON.stringify(envelope), ...lines], `${command}: the envelope or the log`);
      expect(envelope.error, command).toMatchObject({ code: 'TIMEOUT', class: 'transient' });
      // Two timed-out attempts use 2 s of the 2.5 s; at most one more fits, cut short.
      expect(clientRequests, command).toBeGreaterThanOrEqual(2);
      expect(clientRequests, command).toBeLessThanOrEqual(3);
      // A wait can end right at the deadline, leaving one more attempt that sends nothing.
      expect(delays.length, command).toBeGreaterThanOrEqual(clientRequests - 1);
      expect(delays.length, command).toBeLessThanOrEqual(clientRequests);
      expect(
        delays.reduce((sum, delay) => sum + delay, 0),
        command,
      ).toBeLessThanOrEqual(2_500);
    });
    expect(requests).toBe(runs.reduce((sum, run) => sum + run.clientRequests, 0));
  });
});
