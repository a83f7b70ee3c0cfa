import { describe, expect, it } from 'vitest';
import { statementNamer } from './postgres-database';

describe('statementNamer: one name per statement text, bounded', () => {
  it('gives the same text the same name and different texts different names', () => {
    const name = statementNamer(10);
    const a = name('SELECT 1 WHERE $1');
    expect(a).toBe('rw1');
    expect(name('SELECT 2 WHERE $1')).toBe('rw2');
    expect(name('SELECT 1 WHERE $1')).toBe(a);
  });

  it('names no new text once the limit is reached, and keeps the names given', () => {
    const name = statementNamer(2);
    expect([name('a $1'), name('b $1'), name('c $1'), name('a $1'), name('d $1'), name('b $1')]).toEqual(['rw1', 'rw2', undefined, 'rw1', undefined, 'rw2']);
  });
});
