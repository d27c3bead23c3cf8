import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';
import { entryHash, GENESIS_HASH, type HashedFields } from './entry-hash.js';

const first: HashedFields = {
  seq: 1,
  occurredAt: '2026-03-01T10:00:00.123Z',
  actorUserId: '6f1c1f0e-8a4b-4c1e-9b7a-0d2f3e4a5b6c',
  actorRole: 'secretariat',
  actorGovernmentId: null,
  action: 'application.start-review',
  entityType: 'application',
  entityId: '0b9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c',
  stateBefore: 'submitted',
  stateAfter: 'under_review',
  payload: '{"reference":"NEAR-2026-0007"}',
  requestId: 'req-1',
  clientAddress: '203.0.113.7',
  prevHash: GENESIS_HASH,
};

describe('the entry hash', () => {
  it('starts the chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });

  it('is the sha256 of the previous hash followed by the canonical JSON of every other field', () => {
    const document =
      '{"action":"application.start-review","actorGovernmentId":null,"actorRole":"secretariat",' +
      '"actorUserId":"6f1c1f0e-8a4b-4c1e-9b7a-0d2f3e4a5b6c","clientAddress":"203.0.113.7",' +
      '"entityId":"0b9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c","entityType":"application","occurredAt":"2026-03-01T10:00:00.123Z",' +
      '"payload":"{\\"reference\\":\\"NEAR-2026-0007\\"}","requestId":"req-1","seq":1,"stateAfter":"under_review",' +
      '"stateBefore":"submitted"}';
    expect(entryHash(first)).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + document)
        .digest('hex'),
    );
    expect(entryHash(first)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any single field changes, including the link to the previous entry', () => {
    const original = entryHash(first);
    const changed: Record<keyof HashedFields, unknown> = {
      seq: 2,
      occurredAt: '2026-03-01T10:00:00.124Z',
      actorUserId: null,
      actorRole: 'admin',
      actorGovernmentId: '6f1c1f0e-8a4b-4c1e-9b7a-0d2f3e4a5b6c',
      action: 'application.withdraw',
      entityType: 'user',
      entityId: 'other',
      stateBefore: null,
      stateAfter: 'eligible',
      payload: '{"reference":"NEAR-2026-0008"}',
      requestId: null,
      clientAddress: '203.0.113.8',
      prevHash: 'f'.repeat(64),
    };
    for (const [field, value] of Object.entries(changed)) {
      expect({ field, hash: entryHash({ ...first, [field]: value }) }).not.toEqual({ field, hash: original });
    }
  });

  it('tells a null field from an empty one, and a payload from the same payload written differently', () => {
    expect(entryHash({ ...first, requestId: '' })).not.toBe(entryHash({ ...first, requestId: null }));
    expect(entryHash({ ...first, payload: '{ "reference": "NEAR-2026-0007" }' })).not.toBe(entryHash(first));
  });

  it('hashes exactly the canonical JSON of the fields, whatever text they hold', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null));
    const fields = fc.record({
      seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      occurredAt: fc.string(),
      actorUserId: text,
      actorRole: text,
      actorGovernmentId: text,
      action: fc.string({ unit: 'binary' }),
      entityType: fc.string({ unit: 'binary' }),
      entityId: fc.string({ unit: 'binary' }),
      stateBefore: text,
      stateAfter: text,
      payload: fc.json(),
      requestId: text,
      clientAddress: text,
      prevHash: fc.string({ minLength: 64, maxLength: 64 }),
    });
    fc.assert(
      fc.property(fields, (entry) => {
        const { prevHash, ...content } = entry;
        const expected = createHash('sha256')
          .update(prevHash + canonicalJson(content))
          .digest('hex');
        expect(entryHash(entry)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
