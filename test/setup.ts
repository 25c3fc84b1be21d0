import nock from 'nock';
import { afterEach } from 'vitest';

// Unit tests may only reach nock; end-to-end tests reach the emulator on loopback.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`HTTP mocks never called: ${pending.join(', ')}`);
});
