import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionFromEnvironment, openConnection } from '../../runtime/cli/connection.js';

const connection = {
  serverUrl: 'https://api.securitytrails.com',
  apiKey: 'env:ST_KEY',
  apiVersion: 'v2',
};

async function file(content: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'cli-connection-')), 'connection.json');
  await writeFile(path, JSON.stringify(content));
  return path;
}

function io(env: NodeJS.ProcessEnv = {}) {
  const written: string[] = [];
  return { written, io: { env, stderr: { write: (text: string) => written.push(text) } } };
}

describe('openConnection', () => {
  it('reads a connection file first, whatever the environment says', async () => {
    const path = await file(connection);
    const { io: quiet } = io({ SECURITYTRAILS_API_KEY: 'from-env' });

    const opened = await openConnection({ connection: path }, quiet);

    expect(opened.connection).toEqual(connection);
    expect(opened.origin).toBe(`connection file ${path}`);
  });

  it('picks a named connection from a connections file, suggesting a close name for a typo', async () => {
    const path = await file({
      connections: [
        { name: 'prod', active: true, connection },
        { name: 'lab', active: true, connection: { ...connection, apiVersion: 'v1' } },
      ],
    });

    const lab = await openConnection({ connection: path, connectionName: 'lab' }, io().io);

    expect(lab.connection.apiVersion).toBe('v1');
    await expect(
      openConnection({ connection: path, connectionName: 'prd' }, io().io),
    ).rejects.toThrow(`${path} has no connection named "prd". Did you mean "prod"?`);
    await expect(openConnection({ connection: path }, io().io)).rejects.toThrow(
      'holds 2 connections; choose one with --connection-name (prod, lab).',
    );
  });

  it('takes the SECURITYTRAILS_* variables that are set', () => {
    expect(
      connectionFromEnvironment({
        SECURITYTRAILS_API_KEY: 'k',
        SECURITYTRAILS_API_VERSION: 'v2',
        SECURITYTRAILS_SERVER_URL: '',
      }),
    ).toEqual({ apiKey: 'k', apiVersion: 'v2' });
    expect(connectionFromEnvironment({ PATH: '/bin' })).toBeUndefined();
  });

  it('starts the built-in emulator with API Version v2 when nothing is configured, and says so', async () => {
    const { written, io: captured } = io();

    const opened = await openConnection({}, captured);
    try {
      expect(opened.connection).toMatchObject({
        apiVersion: 'v2',
        serverUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      });
      expect(written).toEqual([
        `No connection configured: using the built-in SecurityTrails emulator at ${String(opened.connection.serverUrl)} (API Version v2).\n`,
      ]);
      const ping = await fetch(`${String(opened.connection.serverUrl)}/v1/ping`, {
        headers: { APIKEY: String(opened.connection.apiKey) },
      });
      expect(ping.status).toBe(200);
    } finally {
      await opened.close();
    }
  });

  it('refuses --connection-name without a connections file', async () => {
    await expect(openConnection({ connectionName: 'prod' }, io().io)).rejects.toThrow(
      '--connection-name needs --connection FILE naming a connections file.',
    );
  });
});
