import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb, type YishiDb } from '../db';
import { appendAudit, loadAuditPage, verifyAuditLog } from './auditRepo';
import { importMeetingRecord } from './meetingFileRepo';
import { registerKeyFile, rotateSigningKey } from './signingRepo';
import { sampleSignedRedBenchRecord } from '../../../shared/fixtures/testRecord';
import { exampleSigningKey, EXAMPLE_ORG } from '../../../shared/fixtures/exampleKey';
import { publicKeyFileText } from '../../../shared/signing/keyFile';
import { backupFile, exportDatabase, restoreBackup } from '../backup';
import { BrowserBackupStore } from '../../bridge/backupStore';
import { memoryBridge } from '../../bridge/memoryBridge';

function freshDb(factory = new IDBFactory()): YishiDb {
  return createDb(`audit-${Math.random()}`, { indexedDB: factory, IDBKeyRange });
}

describe('the audit log in the database', () => {
  it('an import, a key rotation and a key registration each add one chained entry, with the organisation', async () => {
    const db = freshDb();
    await db.orgUnits.add({ id: 'c', parentId: null, level: 'community', name: '胜兴社区', order: 0 });
    const record = await sampleSignedRedBenchRecord();
    expect(await importMeetingRecord(db, record, { replace: false })).toMatchObject({ ok: true });
    // Refused (a different signed record over the one stored): nothing happened, nothing logged.
    const other = { ...record, meeting: { ...record.meeting, fingerprint: 'f'.repeat(64) } };
    expect(await importMeetingRecord(db, other, { replace: true })).toMatchObject({ ok: false });
    await rotateSigningKey(db);
    const key = await exampleSigningKey();
    const file = publicKeyFileText({
      organisation: EXAMPLE_ORG.orgName,
      keyId: key.keyId,
      publicKey: key.publicKey,
      createdAt: '2026-07-01T00:00:00.000Z',
    });
    expect((await registerKeyFile(db, file)).ok).toBe(true);
    const entries = (await loadAuditPage(db)).reverse();
    expect(entries.map((e) => e.action)).toEqual(['import', 'keyChange', 'keyChange']);
    expect(entries[0]).toMatchObject({ orgName: '胜兴社区', subjectId: record.meeting.id });
    expect(entries[0]!.summary).toContain('导入会议记录“帝纱富仕城红板凳议事会”');
    expect(entries[2]!.summary).toContain('登记「胜兴社区」的公钥');
    expect(await verifyAuditLog(db)).toEqual({ ok: true, count: 3 });
  });

  it('核验日志 finds an entry edited, removed or cut off in the database', async () => {
    const db = freshDb();
    for (let i = 0; i < 4; i++) await appendAudit(db, { action: 'export', summary: `导出第${i + 1}份` });
    await db.auditLog.update(2, { summary: '改过' });
    expect(await verifyAuditLog(db)).toEqual({ ok: false, problem: { kind: 'edited', seq: 2 } });
    await db.auditLog.update(2, { summary: '导出第2份' });
    expect(await verifyAuditLog(db)).toEqual({ ok: true, count: 4 });
    await db.auditLog.delete(4);
    expect(await verifyAuditLog(db)).toEqual({ ok: false, problem: { kind: 'truncated', seq: 3 } });
    await db.auditLog.delete(2);
    expect(await verifyAuditLog(db)).toEqual({ ok: false, problem: { kind: 'removed', seq: 3 } });
  });
});

describe('the audit log across a backup and a restore', () => {
  it('the backup carries the log; a restore keeps it and chains a 恢复 entry on it, which still verifies', async () => {
    const factory = new IDBFactory();
    const db = freshDb(factory);
    for (let i = 0; i < 3; i++) await appendAudit(db, { action: 'export', summary: `导出第${i + 1}份` });
    const backup = new TextEncoder().encode(await exportDatabase(db, 't'));
    // After the backup, more happens here; the restore goes back to the backup's log.
    await appendAudit(db, { action: 'import', summary: '备份之后的导入' });
    const store = new BrowserBackupStore(`backups-${Math.random()}`, { indexedDB: factory, IDBKeyRange });
    expect((await restoreBackup(db, memoryBridge(store), backupFile(backup), 't')).ok).toBe(true);
    const entries = (await loadAuditPage(db)).reverse();
    expect(entries.map((e) => e.summary.slice(0, 4))).toEqual(['导出第1', '导出第2', '导出第3', '从备份恢']);
    expect(entries.at(-1)!.action).toBe('restore');
    expect(await verifyAuditLog(db)).toEqual({ ok: true, count: 4 });
  });
});
