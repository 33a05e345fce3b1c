/**
 * A complete, comparable picture of the database: every row of every table, blobs replaced by their
 * type, size and SHA-256. Tests compare two dumps to prove that a refused import changed nothing.
 */
import { ALL_TABLES, type LotseDB } from '../db';

export type DatabaseDump = Record<string, unknown[]>;

async function describeBlob(blob: Blob): Promise<{ blob: { type: string; size: number; sha256: string } }> {
  const d = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return {
    blob: { type: blob.type, size: blob.size, sha256: [...d].map((b) => b.toString(16).padStart(2, '0')).join('') },
  };
}

export async function dumpDatabase(db: LotseDB): Promise<DatabaseDump> {
  const raw = await db.transaction(
    'r',
    ALL_TABLES.map((t) => db.table(t)),
    () => Promise.all(ALL_TABLES.map((t) => db.table(t).toArray() as Promise<Record<string, unknown>[]>)),
  );
  const out: DatabaseDump = {};
  for (const [i, table] of ALL_TABLES.entries()) {
    const rows = [];
    for (const row of raw[i]!) {
      const copy: Record<string, unknown> = { ...row };
      if (row.blob instanceof Blob) Object.assign(copy, await describeBlob(row.blob));
      rows.push(copy);
    }
    const key = (r: Record<string, unknown>) => String(r.id ?? r.walkthroughId ?? r.key);
    out[table] = rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return out;
}
