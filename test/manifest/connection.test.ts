import { describe, expect, it } from 'vitest';

import { createInputsAjv, findCommand, manifest } from './helpers.js';

const validateConnection = createInputsAjv().compile(manifest.connection);
const minimal = { serverUrl: 'https://api.securitytrails.com', apiKey: 'yaYc*****sae2' };

describe('connection parameters', () => {
  it('labels the documented parameters as the documentation does', () => {
    const { properties } = manifest.connection;

    expect(properties.serverUrl?.title).toBe('Server URL');
    expect(properties.apiKey?.title).toBe('API Key');
    expect(properties.apiVersion?.title).toBe('API Version');
    expect(manifest.connection.required).toEqual(['serverUrl', 'apiKey']);
  });

  it('defaults to the public server and API Version v1, and marks the API key secret', () => {
    const { properties } = manifest.connection;

    expect(properties.serverUrl?.default).toBe('https://api.securitytrails.com');
    expect(properties.apiVersion?.default).toBe('v1');
    expect(properties.apiVersion?.enum).toEqual(['v1', 'v2']);
    expect(properties.apiKey?.['x-secret']).toBe(true);
  });

  it.each([
    [minimal, true],
    [{ ...minimal, apiVersion: 'v2', timeoutSeconds: 300, verifyTls: false }, true],
    [{ ...minimal, proxyUrl: 'http://proxy.example.com:3128' }, true],
    [{ ...minimal, serverUrl: 'ftp://api.securitytrails.com' }, false],
    [{ ...minimal, proxyUrl: 'socks5://proxy.example.com:1080' }, false],
    [{ ...minimal, apiKey: '' }, false],
    [{ ...minimal, apiVersion: 'v3' }, false],
    [{ ...minimal, timeoutSeconds: 301 }, false],
    [{ ...minimal, apiKeys: 'typo' }, false],
    [{ apiKey: 'yaYc*****sae2' }, false],
  ])('connection %j is accepted: %s', (connection, expected) => {
    expect(validateConnection(connection)).toBe(expected);
  });

  it('names the v2-only commands in the API Version description', () => {
    const description = manifest.connection.properties.apiVersion?.description ?? '';
    const v2Only = manifest.commands.filter((command) => !command.apiVersions.includes('v1'));

    expect(v2Only).toHaveLength(10);
    for (const command of v2Only) expect(description).toContain(command.name);
  });
});

describe('Fetch Incident', () => {
  const command = findCommand('Fetch Incident');

  it('applies the event and incident mappings of mappings/', () => {
    expect(command.mappings).toEqual({
      event: 'mappings/fetch-incident.events.json',
      incident: 'mappings/fetch-incident.incidents.json',
    });
  });

  it('shows in its sample output every field the documented event mapping reads', () => {
    const issues = command.sampleOutput.Issues as Record<string, unknown>[];
    const results = command.sampleOutput.Results as Record<string, unknown>[];

    expect(results.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(Object.keys(issue)).toEqual(
        expect.arrayContaining(['id', 'name', 'description', 'classification', 'snapshot']),
      );
      expect(Object.keys(issue)).toEqual(
        expect.arrayContaining(['risk_score', 'Status', 'host', 'unique_key', 'example_entities']),
      );
      expect(['Added', 'Resolved']).toContain(issue.Status);
      expect(issue).toHaveProperty('rule_metadata.entity_counts.domains');
      expect(issue).toHaveProperty('rule_metadata.entity_counts.ips');
    }
  });
});
