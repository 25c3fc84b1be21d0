import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnector } from '../../../runtime/connector.js';
import {
  DAY_S,
  NOW,
  NOW_S,
  PROJECT,
  body,
  diff,
  expectHistory,
  rule,
} from '../../commands/fetch-incident-history.js';
import { connection, fastOptions } from '../../helpers/connector.js';

function mappingFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'user-mapping-')), 'events.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('a user mapping file', () => {
  it('replaces the default event mapping of Fetch Incident and keeps the incident one', async () => {
    const event = mappingFile({
      mainPath: '$.Issues',
      fields: [
        { name: 'Rule', source: '.id' },
        { name: 'Targets', source: '.example_entities.*[*].target', take: 'list' },
        { name: 'Source', value: 'ASI' },
      ],
    });
    const connector = await loadConnector({ mappings: { 'Fetch Incident': { event } } });
    expectHistory({ start: NOW_S - DAY_S, end: NOW_S }).reply(
      200,
      body([
        diff('2025-06-25 02:41:07', {
          added: [rule('git-config', 'moderate', 'shop.example.com')],
        }),
      ]),
    );

    const envelope = await connector.execute(
      'Fetch Incident',
      { 'Project ID': PROJECT },
      connection(),
      fastOptions({ now: () => NOW }),
    );

    expect(envelope.events).toEqual([
      { Rule: 'git-config', Targets: ['https://shop.example.com/'], Source: 'ASI' },
    ]);
    expect(envelope.incidents?.[0]).toHaveProperty('Incident Category', 'Attack Surface');
  });

  it('is refused at load time when one of its paths does not parse', async () => {
    const event = mappingFile({
      mainPath: '$.Issues',
      fields: [{ name: 'Rule', source: '.id[?(@)]' }],
    });

    await expect(loadConnector({ mappings: { 'Fetch Incident': { event } } })).rejects.toThrow(
      /mappings\/event\/fields\/0\/source: JSON path '\$\.id\[\?\(@\)\]' is malformed at position 5/,
    );
  });
});
