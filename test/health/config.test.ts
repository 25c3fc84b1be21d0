import { describe, expect, it } from 'vitest';
import { parseConnectionsFile } from '../../runtime/health/config.js';

const connection = {
  serverUrl: 'https://api.securitytrails.com',
  apiKey: 'env:ST_KEY',
  apiVersion: 'v2',
};

describe('parseConnectionsFile', () => {
  it('reads named connections and gives the default interval to those without one', () => {
    const targets = parseConnectionsFile(
      {
        connections: [
          {
            name: 'prod',
            description: 'Production',
            active: true,
            intervalMinutes: 15,
            connection,
          },
          { name: 'lab', active: false, connection },
        ],
      },
      5,
    );

    expect(targets).toEqual([
      { name: 'prod', description: 'Production', active: true, intervalMinutes: 15, connection },
      { name: 'lab', description: '', active: false, intervalMinutes: 5, connection },
    ]);
  });

  it.each([
    [{}, 'A connections file holds { "connections": [ ... ] }.'],
    [
      { connections: [{ active: true, connection }] },
      'connections[0].name must be a non-empty string.',
    ],
    [
      { connections: [{ name: 'prod', connection }] },
      'connections[0].active must be true or false (connection "prod").',
    ],
    [
      { connections: [{ name: 'prod', active: true, intervalMinutes: 0, connection }] },
      'connections[0].intervalMinutes must be a number above 0 and at most 10080 (connection "prod"); got 0.',
    ],
    [
      { connections: [{ name: 'prod', active: true }] },
      'connections[0].connection must be an object with serverUrl, apiKey, apiVersion.',
    ],
    [
      {
        connections: [
          { name: 'prod', active: true, connection },
          { name: 'prod', active: false, connection },
        ],
      },
      'Two connections are named "prod"; names must be unique.',
    ],
  ])('refuses %j: %s', (content, message) => {
    expect(() => parseConnectionsFile(content, 5)).toThrow(message);
  });
});
