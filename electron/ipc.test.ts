import { describe, expect, it, vi } from 'vitest';
import {
  BRIDGE_CHANNELS,
  FILE_READ_PIECE_BYTES,
  MAX_FILE_BYTES,
  type BackupEntry,
  type PdfConversion,
} from '../shared/bridge';
import { backupId } from '../shared/backup/rotation';
import { createIpcHandlers, type IpcEffects, type SenderInfo } from './ipc';

const NOW = new Date(2024, 4, 1, 8, 0, 0, 0);
const app: SenderInfo = { frameUrl: 'app://yishi/index.html#/meetings', isMainFrame: true };
const goodId = backupId('daily', NOW);
const entry: BackupEntry = { id: goodId, reason: 'daily', createdAt: NOW.toISOString(), sizeBytes: 10 };

function fakeWriter() {
  const pieces: number[][] = [];
  return {
    pieces,
    append: vi.fn(async (b: Uint8Array) => void pieces.push([...b])),
    finish: vi.fn(async () => entry),
    abort: vi.fn(async () => undefined),
  };
}
let writer = fakeWriter();

function setup(overrides: Partial<IpcEffects> = {}, dev = false) {
  writer = fakeWriter();
  const effects = {
    appInfo: vi.fn(() => ({
      name: '议事厅',
      version: '0.1.0',
      platform: 'electron' as const,
      dataLocation: '/d',
      backupLocation: '/d/backups',
    })),
    showSaveDialog: vi.fn(async () => '/home/u/纪要.docx' as string | null),
    showOpenDialog: vi.fn(async () => '/home/u/名单.xlsx' as string | null),
    readFile: vi.fn(async () => new Uint8Array([1, 2, 3])),
    // A file of 10 MB whose every byte is its position modulo 251.
    readFileRange: vi.fn(async (_path: string, position: number, length: number) =>
      Uint8Array.from({ length: Math.max(0, Math.min(length, 10_000_000 - position)) }, (_, i) => (position + i) % 251),
    ),
    writeFileAtomic: vi.fn(async () => undefined),
    stat: vi.fn(async () => ({ size: 3 })),
    printWindow: vi.fn(async () => undefined),
    printToPdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    backups: {
      beginBackup: vi.fn(async () => writer),
      listBackups: vi.fn(async () => [entry]),
      readBackupPiece: vi.fn(async () => new Uint8Array([123, 125]) as Uint8Array | null),
      copyBackupTo: vi.fn(async () => undefined),
    },
    now: vi.fn(() => NOW),
    // A stand-in for safeStorage: reversible, not the clear bytes.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => new TextEncoder().encode([...text].reverse().join('')),
      decryptString: (blob: Uint8Array) => [...new TextDecoder().decode(blob)].reverse().join(''),
    },
    platform: 'win32',
    convertDocxToPdf: vi.fn(async (documents: readonly Uint8Array[]): Promise<PdfConversion> => ({
      status: 'converted',
      pdfs: documents.map(() => new Uint8Array([37, 80, 68, 70, 45])),
    })),
    ...overrides,
  } satisfies IpcEffects;
  const handlers = createIpcHandlers(effects, { dev });
  const call = (channel: keyof typeof BRIDGE_CHANNELS, args: unknown[] = [], sender: SenderInfo = app) =>
    handlers[BRIDGE_CHANNELS[channel]](sender, args);
  return { effects, handlers, call };
}

const bytes = new Uint8Array([80, 75, 3, 4]);
const chinese = /[\u4e00-\u9fff]/;

describe('createIpcHandlers', () => {
  it('has exactly one handler per bridge channel', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });
});

describe('sender validation', () => {
  it.each<[string, SenderInfo]>([
    ['a foreign origin', { frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['another app:// host', { frameUrl: 'app://evil/index.html', isMainFrame: true }],
    ['a subframe of our page', { frameUrl: 'app://yishi/index.html', isMainFrame: false }],
    ['an unknown frame', { frameUrl: null, isMainFrame: false }],
    ['a file:// page', { frameUrl: 'file:///tmp/x.html', isMainFrame: true }],
    ['the dev server in production', { frameUrl: 'http://127.0.0.1:4617/', isMainFrame: true }],
  ])('rejects %s before touching anything', async (_label, sender) => {
    const { call, effects } = setup();
    for (const channel of Object.keys(BRIDGE_CHANNELS) as (keyof typeof BRIDGE_CHANNELS)[]) {
      await expect(call(channel, [], sender)).rejects.toThrow(/已拒绝.*不是来自议事厅主窗口/);
    }
    expect(effects.appInfo).not.toHaveBeenCalled();
    expect(effects.backups.listBackups).not.toHaveBeenCalled();
  });

  it('accepts the dev server in dev mode', async () => {
    const { call } = setup({}, true);
    await expect(call('appInfo', [], { frameUrl: 'http://127.0.0.1:4617/', isMainFrame: true })).resolves.toMatchObject(
      { name: '议事厅' },
    );
  });

  it('rejects extra arguments', async () => {
    const { call } = setup();
    await expect(call('exportBackup', [goodId, 'extra'])).rejects.toThrow('参数过多');
  });
});

describe('openFileForReading', () => {
  const filters = [{ name: '议事厅备份', extensions: ['json'] }];

  it('reads the picked file piece by piece through its token, until closed', async () => {
    const { call, effects } = setup({ stat: vi.fn(async () => ({ size: 10_000_000 })) });
    const opened = (await call('openFileForReading', [{ filters }])) as {
      status: string;
      token: string;
      name: string;
      sizeBytes: number;
    };
    expect(opened).toMatchObject({ status: 'opened', name: '名单.xlsx', sizeBytes: 10_000_000 });
    const sizes: number[] = [];
    for (let index = 0; ; index++) {
      const piece = (await call('readFilePiece', [{ token: opened.token, index }])) as Uint8Array | null;
      if (!piece) break;
      expect(piece[0]).toBe((index * FILE_READ_PIECE_BYTES) % 251);
      sizes.push(piece.byteLength);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000_000);
    expect(effects.readFileRange).toHaveBeenCalledWith(
      '/home/u/名单.xlsx',
      FILE_READ_PIECE_BYTES,
      FILE_READ_PIECE_BYTES,
    );
    await call('closeFile', [opened.token]);
    await expect(call('readFilePiece', [{ token: opened.token, index: 0 }])).rejects.toThrow('这个文件已经关闭');
  });

  it('reads nothing when the dialog is cancelled, and only files picked in it', async () => {
    const { call, effects } = setup({ showOpenDialog: vi.fn(async () => null as string | null) });
    await expect(call('openFileForReading', [{ filters }])).resolves.toEqual({ status: 'cancelled' });
    await expect(call('readFilePiece', [{ token: '00000000-0000-0000-0000-000000000000', index: 0 }])).rejects.toThrow(
      '这个文件已经关闭',
    );
    await expect(call('readFilePiece', [{ token: '/etc/passwd', index: 0 }])).rejects.toThrow(
      /读取文件的请求参数不正确/,
    );
    await expect(call('readFilePiece', [{ token: '00000000-0000-0000-0000-000000000000', index: -1 }])).rejects.toThrow(
      /读取文件的请求参数不正确/,
    );
    expect(effects.readFileRange).not.toHaveBeenCalled();
  });

  it('keeps only the newest few files open', async () => {
    const { call } = setup();
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) tokens.push(((await call('openFileForReading', [{}])) as { token: string }).token);
    await expect(call('readFilePiece', [{ token: tokens[0], index: 0 }])).rejects.toThrow('这个文件已经关闭');
    await expect(call('readFilePiece', [{ token: tokens[4], index: 0 }])).resolves.toBeInstanceOf(Uint8Array);
  });
});

describe('saveFile', () => {
  const filters = [{ name: 'Word 文档', extensions: ['docx'] }];

  it('asks where to save and writes atomically', async () => {
    const { call, effects } = setup();
    await expect(call('saveFile', [{ suggestedName: '纪要.docx', bytes, filters }])).resolves.toEqual({
      status: 'saved',
      path: '/home/u/纪要.docx',
    });
    expect(effects.showSaveDialog).toHaveBeenCalledWith({ suggestedName: '纪要.docx', filters });
    expect(effects.writeFileAtomic).toHaveBeenCalledWith('/home/u/纪要.docx', bytes);
  });

  it('writes nothing when the user cancels', async () => {
    const { call, effects } = setup({ showSaveDialog: vi.fn(async () => null) });
    await expect(call('saveFile', [{ suggestedName: 'a.docx', bytes }])).resolves.toEqual({ status: 'cancelled' });
    expect(effects.writeFileAtomic).not.toHaveBeenCalled();
  });

  it.each(['../x', '..', '.', 'a/b.docx', 'a\\b.docx', 'C:evil', 'x\u0000.docx', 'a?.docx', '', 'a'.repeat(201)])(
    'rejects the file name %j',
    async (suggestedName) => {
      const { call, effects } = setup();
      await expect(call('saveFile', [{ suggestedName, bytes }])).rejects.toThrow(/保存文件的请求参数不正确/);
      expect(effects.showSaveDialog).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['a string', 'PK'],
    ['an array of numbers', [1, 2, 3]],
    ['an ArrayBuffer', new ArrayBuffer(3)],
    ['missing', undefined],
  ])('rejects bytes given as %s', async (_label, value) => {
    const { call } = setup();
    await expect(call('saveFile', [{ suggestedName: 'a.docx', bytes: value }])).rejects.toThrow(chinese);
  });

  it('rejects a file above MAX_FILE_BYTES', async () => {
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { get: () => MAX_FILE_BYTES + 1 });
    const { call, effects } = setup();
    await expect(call('saveFile', [{ suggestedName: 'a.docx', bytes: huge }])).rejects.toThrow('文件过大');
    expect(effects.writeFileAtomic).not.toHaveBeenCalled();
  });

  it.each([
    ['a dotted extension', [{ name: 'Word', extensions: ['.docx'] }]],
    ['a wildcard', [{ name: 'All', extensions: ['*'] }]],
    ['an overlong filter name', [{ name: '文'.repeat(61), extensions: ['docx'] }]],
    ['too many filters', Array.from({ length: 11 }, () => ({ name: 'x', extensions: ['x'] }))],
  ])('rejects %s', async (_label, badFilters) => {
    const { call } = setup();
    await expect(call('saveFile', [{ suggestedName: 'a.docx', bytes, filters: badFilters }])).rejects.toThrow(chinese);
  });

  it.each([undefined, null, 'a.docx', 42])('rejects the request %j', async (request) => {
    const { call } = setup();
    await expect(call('saveFile', [request])).rejects.toThrow(/保存文件的请求参数不正确/);
  });

  it('names the action when the disk refuses', async () => {
    const { call } = setup({
      writeFileAtomic: vi.fn(async () => Promise.reject(new Error('EACCES: permission denied'))),
    });
    await expect(call('saveFile', [{ suggestedName: 'a.docx', bytes }])).rejects.toThrow('保存文件失败：EACCES');
  });
});

describe('openFile', () => {
  it('returns the chosen file name and bytes', async () => {
    const { call } = setup();
    await expect(call('openFile', [{ maxBytes: 100 }])).resolves.toEqual({
      status: 'opened',
      name: '名单.xlsx',
      bytes: new Uint8Array([1, 2, 3]),
    });
  });

  it('does not read a file above maxBytes', async () => {
    const { call, effects } = setup({ stat: vi.fn(async () => ({ size: 5000 })) });
    await expect(call('openFile', [{ maxBytes: 100 }])).resolves.toEqual({
      status: 'tooLarge',
      name: '名单.xlsx',
      size: 5000,
    });
    expect(effects.readFile).not.toHaveBeenCalled();
  });

  it('catches a file that grew between stat and read', async () => {
    const { call } = setup({ readFile: vi.fn(async () => new Uint8Array(200)) });
    await expect(call('openFile', [{ maxBytes: 100 }])).resolves.toMatchObject({ status: 'tooLarge', size: 200 });
  });

  it('reports a cancelled dialog', async () => {
    const { call } = setup({ showOpenDialog: vi.fn(async () => null) });
    await expect(call('openFile', [{ maxBytes: 100 }])).resolves.toEqual({ status: 'cancelled' });
  });

  it.each([0, -1, 1.5, MAX_FILE_BYTES + 1, '100', undefined])('rejects maxBytes %j', async (maxBytes) => {
    const { call, effects } = setup();
    await expect(call('openFile', [{ maxBytes }])).rejects.toThrow(/打开文件的请求参数不正确/);
    expect(effects.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('print and printToPdf', () => {
  it('prints the window', async () => {
    const { call, effects } = setup();
    await call('print');
    expect(effects.printWindow).toHaveBeenCalledOnce();
  });

  it('rejects an argument to print', async () => {
    const { call, effects } = setup();
    await expect(call('print', [{ silent: true }])).rejects.toThrow(/打印的请求参数不正确/);
    expect(effects.printWindow).not.toHaveBeenCalled();
  });

  it('renders A4 PDF and saves it under a .pdf name', async () => {
    const { call, effects } = setup({ showSaveDialog: vi.fn(async () => '/home/u/决议.pdf') });
    await expect(call('printToPdf', [{ suggestedName: '决议' }])).resolves.toEqual({
      status: 'saved',
      path: '/home/u/决议.pdf',
    });
    expect(effects.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: '决议.pdf' }));
    expect(effects.writeFileAtomic).toHaveBeenCalledWith('/home/u/决议.pdf', new Uint8Array([37, 80, 68, 70]));
  });

  it('keeps an existing .pdf extension', async () => {
    const { call, effects } = setup();
    await call('printToPdf', [{ suggestedName: '决议.PDF' }]);
    expect(effects.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: '决议.PDF' }));
  });

  it('rejects a traversal name before rendering', async () => {
    const { call, effects } = setup();
    await expect(call('printToPdf', [{ suggestedName: '../../x' }])).rejects.toThrow('文件名含有不允许的字符');
    expect(effects.printToPdf).not.toHaveBeenCalled();
  });
});

describe('backups', () => {
  it('writes a backup in pieces with the current time, then forgets the token', async () => {
    const { call, effects } = setup();
    const token = (await call('beginBackup', [{ reason: 'preUpgrade' }])) as string;
    expect(effects.backups.beginBackup).toHaveBeenCalledWith('preUpgrade', NOW, undefined);
    await call('beginBackup', [{ reason: 'preRestore', spare: goodId }]);
    expect(effects.backups.beginBackup).toHaveBeenLastCalledWith('preRestore', NOW, goodId);
    await call('appendBackup', [{ token, bytes: new Uint8Array([123]) }]);
    await call('appendBackup', [{ token, bytes: new Uint8Array([125]) }]);
    const summary = { appVersion: '0.1.0', createdAt: NOW.toISOString(), schemaVersion: 8, counts: { people: 2 } };
    await expect(call('endBackup', [{ token, commit: true, summary }])).resolves.toEqual(entry);
    expect(writer.finish).toHaveBeenCalledWith(summary);
    expect(writer.pieces).toEqual([[123], [125]]);
    await expect(call('appendBackup', [{ token, bytes }])).rejects.toThrow('这次备份已经结束或不存在');
  });

  it('throws a backup away when asked, or when a piece cannot be written', async () => {
    const { call } = setup();
    const token = (await call('beginBackup', [{ reason: 'manual' }])) as string;
    await expect(call('endBackup', [{ token, commit: false }])).resolves.toBeNull();
    expect(writer.abort).toHaveBeenCalled();
    expect(writer.finish).not.toHaveBeenCalled();
    const second = (await call('beginBackup', [{ reason: 'manual' }])) as string;
    writer.append.mockRejectedValueOnce(new Error('ENOSPC'));
    await expect(call('appendBackup', [{ token: second, bytes }])).rejects.toThrow('ENOSPC');
    expect(writer.abort).toHaveBeenCalledTimes(2);
    await expect(call('endBackup', [{ token: second, commit: true }])).rejects.toThrow(chinese);
  });

  it('limits how many backups are open at once, and drops ones left behind by a closed window', async () => {
    let now = NOW.getTime();
    const { call } = setup({ now: vi.fn(() => new Date(now)) });
    const first = writer;
    for (let i = 0; i < 3; i++) await call('beginBackup', [{ reason: 'manual' }]);
    await expect(call('beginBackup', [{ reason: 'manual' }])).rejects.toThrow('同时进行的备份过多');
    expect(first.abort).not.toHaveBeenCalled();
    now += 3 * 60_000; // nothing appended for three minutes: the window that began them is gone
    await expect(call('beginBackup', [{ reason: 'manual' }])).resolves.toMatch(/^[0-9a-f-]{36}$/);
    expect(first.abort).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['beginBackup', 'an unknown reason', { reason: 'hourly' }],
    ['beginBackup', 'a bare reason', 'manual'],
    ['beginBackup', 'a spared path', { reason: 'preRestore', spare: '../secrets.json' }],
    ['appendBackup', 'a made-up token', { token: '../../etc/passwd', bytes }],
    ['appendBackup', 'text instead of bytes', { token: '00000000-0000-0000-0000-000000000000', bytes: '{}' }],
    [
      'appendBackup',
      'a piece over 32 MB',
      { token: '00000000-0000-0000-0000-000000000000', bytes: new Uint8Array(32 * 1024 * 1024 + 1) },
    ],
    ['endBackup', 'no commit flag', { token: '00000000-0000-0000-0000-000000000000' }],
    [
      'endBackup',
      'a summary with a negative count',
      {
        token: '00000000-0000-0000-0000-000000000000',
        commit: true,
        summary: { appVersion: '1', createdAt: '2026-12-05T08:00:00.000Z', schemaVersion: 8, counts: { people: -5 } },
      },
    ],
    [
      'endBackup',
      'a summary naming a path as a table',
      {
        token: '00000000-0000-0000-0000-000000000000',
        commit: true,
        summary: { appVersion: '1', createdAt: '2026-12-05T08:00:00.000Z', schemaVersion: 8, counts: { '../x': 1 } },
      },
    ],
  ] as const)('%s rejects %s', async (method, _label, request) => {
    const { call, effects } = setup();
    await expect(call(method, [request])).rejects.toThrow(/请求参数不正确/);
    expect(effects.backups.beginBackup).not.toHaveBeenCalled();
  });

  it('lists backups and refuses an argument', async () => {
    const { call } = setup();
    await expect(call('listBackups')).resolves.toEqual([entry]);
    await expect(call('listBackups', ['../'])).rejects.toThrow(chinese);
  });

  it('reads a piece of a backup by a valid id and index', async () => {
    const { call, effects } = setup();
    await expect(call('readBackupPiece', [{ id: goodId, index: 2 }])).resolves.toEqual(new Uint8Array([123, 125]));
    expect(effects.backups.readBackupPiece).toHaveBeenCalledWith(goodId, 2);
  });

  it.each(['../x', `../${goodId}`, `${goodId}/../../x`, '/etc/passwd', 'yishi-backup-daily-x.json', 42, undefined])(
    'rejects the backup id %j',
    async (id) => {
      const { call, effects } = setup();
      await expect(call('readBackupPiece', [{ id, index: 0 }])).rejects.toThrow(/读取备份的请求参数不正确/);
      await expect(call('exportBackup', [id])).rejects.toThrow(/另存备份的请求参数不正确/);
      expect(effects.backups.readBackupPiece).not.toHaveBeenCalled();
      expect(effects.backups.copyBackupTo).not.toHaveBeenCalled();
    },
  );

  it.each([-1, 1.5, '0', 2_000_000, undefined])('rejects the piece index %j', async (index) => {
    const { call, effects } = setup();
    await expect(call('readBackupPiece', [{ id: goodId, index }])).rejects.toThrow(/读取备份的请求参数不正确/);
    expect(effects.backups.readBackupPiece).not.toHaveBeenCalled();
  });

  it('saves a copy of a backup where the user chooses, or nothing when cancelled', async () => {
    const { call, effects } = setup({ showSaveDialog: vi.fn(async () => '/media/u盘/备份.json' as string | null) });
    await expect(call('exportBackup', [goodId])).resolves.toEqual({ status: 'saved', path: '/media/u盘/备份.json' });
    expect(effects.backups.copyBackupTo).toHaveBeenCalledWith(goodId, '/media/u盘/备份.json');
    const cancelled = setup({ showSaveDialog: vi.fn(async () => null as string | null) });
    await expect(cancelled.call('exportBackup', [goodId])).resolves.toEqual({ status: 'cancelled' });
    expect(cancelled.effects.backups.copyBackupTo).not.toHaveBeenCalled();
  });
});

describe('key protection (safeStorage) through the bridge', () => {
  it('reports, protects and recovers a key; refuses what is not a key, in Chinese', async () => {
    const { call } = setup();
    expect(await call('keyProtection')).toEqual({ available: true, method: 'safeStorage' });
    const pkcs8 = Uint8Array.from({ length: 48 }, (_, i) => i);
    const blob = (await call('protectKey', [pkcs8])) as Uint8Array;
    expect(blob).not.toEqual(pkcs8);
    expect(await call('unprotectKey', [blob])).toEqual(pkcs8);
    await expect(call('protectKey', ['not bytes'])).rejects.toThrow(/保护签名密钥的请求参数不正确/);
    await expect(call('protectKey', [new Uint8Array(10_000)])).rejects.toThrow(chinese);
    const none = setup({
      safeStorage: {
        isEncryptionAvailable: () => false,
        encryptString: () => new Uint8Array(),
        decryptString: () => '',
      },
    });
    expect(await none.call('keyProtection')).toEqual({ available: false, reason: 'unavailable' });
    await expect(none.call('protectKey', [pkcs8])).rejects.toThrow();
  });
});

describe('the 纪要 as PDF through the bridge', () => {
  it('hands the documents to the office suite and refuses what is not a list of files, in Chinese', async () => {
    const { call, effects } = setup();
    const docx = new Uint8Array([80, 75, 3, 4]);
    expect(await call('convertToPdf', [{ documents: [docx, docx] }])).toEqual({
      status: 'converted',
      pdfs: [new Uint8Array([37, 80, 68, 70, 45]), new Uint8Array([37, 80, 68, 70, 45])],
    });
    expect(effects.convertDocxToPdf).toHaveBeenCalledWith([docx, docx]);
    await expect(call('convertToPdf', [{ documents: ['x'] }])).rejects.toThrow(/生成 PDF的请求参数不正确/);
    await expect(call('convertToPdf', [{ documents: Array(201).fill(docx) }])).rejects.toThrow(chinese);
    await expect(call('convertToPdf', [])).rejects.toThrow(chinese);
  });
});
