export { FETCH_COMMAND, runIntake, stateKey } from './intake.js';
export type { IntakeOptions, IntakeRecord, IntakeRun } from './intake.js';
export { FileOutput, StreamOutput, lineKey } from './output.js';
export type { IntakeLine, IntakeOutput } from './output.js';
export { runIntakeEvery } from './schedule.js';
export type { ScheduleOptions } from './schedule.js';
export { FileStateStore, writeAtomically } from './state-store.js';
export type { StateStore } from './state-store.js';
