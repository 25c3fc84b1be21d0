import { afterAll, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from './support/commands.js';
import { expectFaultOutcome, outcome } from './support/fault-checks.js';
import { useFaultHarness } from './support/fault-harness.js';
import { FAULT_CASES } from './support/fault-table.js';

const harness = useFaultHarness();
let faultsRun = 0;

afterAll(() => {
  console.info(`fault matrix: ${faultsRun} faulted command runs`);
});

describe('the command list', () => {
  it('covers every command of the manifest', () => {
    const declared = harness.connector().commands.map((command) => command.name);
    expect([...ALL_COMMANDS].sort()).toEqual(declared.sort());
  });
});

describe.each(FAULT_CASES)('under $name', (fault) => {
  it.each(ALL_COMMANDS)(`%s ${outcome(fault)} within the deadline`, async (command) => {
    const emu = harness.emu();
    emu.setFaults(fault.faults());
    const before = emu.requests();
    const run = await harness.run(command, fault.deadlineMs);
    const requests = emu.requests() - before;
    emu.setFaults([]);
    faultsRun += 1;

    expectFaultOutcome(fault, command, run, requests, harness.cleanRequests(command));
  });
});
