import { describe, expect, it } from 'vitest';
import { exceptionMatcher, fieldsKey } from './exceptions';

describe('fieldsKey: mapped fields compared as values, an absent, null or empty field as empty', () => {
  it.each([
    { a: '{"reference":"R1","amount":"10.00"}', b: '{"amount":"10.00","reference":"R1"}', same: true },
    { a: '{"reference":"R1","method":""}', b: '{"reference":"R1"}', same: true },
    { a: '{"reference":"R1","method":null}', b: '{"reference":"R1","method":""}', same: true },
    { a: '{"reference":"R1"}', b: '{"reference":"R2"}', same: false },
    { a: '{"amount":"1"}', b: '{"amount":1}', same: false },
    { a: '{"amount":0}', b: '{}', same: false },
    { a: '{}', b: '{"reference":""}', same: true },
  ])('$a and $b: same $same', ({ a, b, same }) => {
    expect(fieldsKey(a) === fieldsKey(b)).toBe(same);
  });

  it.each(['not json', '"text"', '[1,2]', 'null', '{"nested":{"a":1}}', '{"list":[]}'])('%s matches nothing', (text) => {
    expect(fieldsKey(text)).toBeNull();
  });
});

describe('exceptionMatcher: the open exceptions a resubmitted row answers', () => {
  const candidates = [
    { id: 11, transaction_id: 'TX-1', mapped: '{"transaction_id":"TX-1","reference":"R1"}' },
    { id: 12, transaction_id: null, mapped: '{"reference":"R2","amount":"5.00"}' },
    { id: 13, transaction_id: 'TX-3', mapped: '{"transaction_id":"TX-3","reference":"R2"}' },
    { id: 14, transaction_id: 'TX-1', mapped: null },
  ];
  const matchesOf = exceptionMatcher(candidates);

  it.each([
    { name: 'by the exception id it names', row: { exceptionId: 13, transactionId: null, mappedJson: '{"reference":"X"}' }, ids: [13] },
    { name: 'by its transaction id (every exception with it)', row: { exceptionId: null, transactionId: 'TX-1', mappedJson: '{"reference":"X"}' }, ids: [11, 14] },
    { name: 'by the same mapped fields', row: { exceptionId: null, transactionId: null, mappedJson: '{"amount":"5.00","reference":"R2","method":""}' }, ids: [12] },
    { name: 'by all three at once, each once, in the candidates’ order', row: { exceptionId: 13, transactionId: 'TX-1', mappedJson: '{"reference":"R2","amount":"5.00"}' }, ids: [11, 12, 13, 14] },
    { name: 'nothing', row: { exceptionId: 99, transactionId: 'TX-9', mappedJson: '{"reference":"R9"}' }, ids: [] },
  ])('$name', ({ row, ids }) => {
    expect(matchesOf(row).map((c) => c.id)).toEqual(ids);
  });
});
