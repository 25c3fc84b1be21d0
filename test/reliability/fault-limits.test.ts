import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from './support/commands.js';
import { expectNoSecret, expectValidEnvelope } from './support/envelope-checks.js';
import { expectFaultOutcome, outcome } from './support/fault-checks.js';
import { useFaultHarness } from './support/fault-harness.js';
import { MAX_RETRIES, type FaultCase } from './support/fault-table.js';

const harness = useFaultHarness();

const OVERSIZE: FaultCase = {
  name: 'a body over the size limit',
  faults: () => [{ kind: 'oversize' }],
  code: 'RESPONSE_TOO_LARGE',
  requests: 1,
  deadlineMs: 60_000,
};

describe(`under ${OVERSIZE.name}`, () => {
  it.each(ALL_COMMANDS)(`%s ${outcome(OVERSIZE)}`, async (command) => {
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

describe('when every response comes after the Request Timeout', () => {
  it('each command fails with TIMEOUT after its retries, transient', async () => {
    const { runs, requests } = await runAllLate(60_000);

    runs.forEach(({ envelope, lines, delays, clientRequests }, index) => {
      const command = ALL_COMMANDS[index] ?? '';
      expectValidEnvelope(envelope, command);
      expectNoSecret([JSON.stringify(envelope), ...lines], `${command}: the envelope or the log`);
      expect(envelope.error, command).toMatchObject({ code: 'TIMEOUT', class: 'transient' });
      expect(clientRequests, command).toBe(MAX_RETRIES + 1);
      expect(delays, command).toHaveLength(MAX_RETRIES);
    });
    expect(requests).toBe(ALL_COMMANDS.length * (MAX_RETRIES + 1));
  });

  it('each command stops retrying at a 2.5 s deadline, its waits inside it', async () => {
    const { runs, requests } = await runAllLate(2_500);

    runs.forEach(({ envelope, delays, clientRequests }, index) => {
      const command = ALL_COMMANDS[index] ?? '';
      expect(envelope.error?.code, command).toBe('TIMEOUT');
      // Two timed-out attempts use 2 s of the 2.5 s; at most one more fits, cut short.
      expect(clientRequests, command).toBeGreaterThanOrEqual(2);
      expect(clientRequests, command).toBeLessThanOrEqual(3);
      expect(delays.reduce((sum, delay) => sum + delay, 0), command).toBeLessThanOrEqual(2_500);
    });
    expect(requests).toBe(runs.reduce((sum, run) => sum + run.clientRequests, 0));
  });
});
