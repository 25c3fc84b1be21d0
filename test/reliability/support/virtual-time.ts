/**
 * A clock that moves with the retry sleeps instead of waiting them out: each sleep is recorded
 * and added to the time the client reads, so its deadline arithmetic sees the time it asked to
 * wait, while the test does not wait at all.
 */
export interface VirtualTime {
  delays: number[];
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  slept: () => number;
}

export function virtualTime(): VirtualTime {
  const delays: number[] = [];
  let slept = 0;
  return {
    delays,
    now: () => Date.now() + slept,
    sleep: async (ms) => {
      delays.push(ms);
      slept += ms;
    },
    slept: () => slept,
  };
}
