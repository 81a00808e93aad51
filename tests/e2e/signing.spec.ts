/**
 * Signatures (issue #13): locking a meeting signs its fingerprint with this computer's key;
 * 核验 names the organisation; a record changed and re-sealed in the database no longer matches
 * its signature; a replaced key leaves old signatures valid; others' key files are registered.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dumpDatabase, openWithDemo, patchRowRaw } from './helpers';
import { fingerprintRecord } from '../../shared/meeting/fingerprint';
import { assembleRecord, type RecordRows } from '../../shared/meeting/record';
import type { Meeting } from '../../shared/domain/meeting';
import { generateSigningKey } from '../../shared/signing/sign';
import { publicKeyFileText } from '../../shared/signing/keyFile';

const SCREENS = '.tmp/screens';
const EXAMPLE = 'docs/examples/帝纱富仕城红板凳议事会-2026年第7期.yishi.json';

async function openSettings(page: Page) {
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByTestId('signing-keys')).toBeVisible();
}

/** The example meeting as it stood before anyone signed it: finalised, with everyone's signature. */
async function finalisedFile(dir: string): Promise<{ file: string; meetingId: string }> {
  const example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  const meeting = example.record.meeting;
  meeting.status = 'finalised';
  delete meeting.signedAt;
  delete meeting.fingerprint;
  // Not signed yet: no signatures, no follow-up (only a signed meeting is followed).
  example.signatures = [];
  example.followup = { progress: [], notices: [], evaluations: [], attachments: [], omittedAttachments: [] };
  const file = path.join(dir, 'finalised.json');
  await writeFile(file, JSON.stringify(example));
  return { file, meetingId: meeting.id };
}

/** Changes the place and re-seals the record with a correctly recomputed fingerprint, past the app. */
async function tamperAndReseal(page: Page, meetingId: string) {
  const dump = await dumpDatabase(page);
  const meeting = dump.meetings!.find((m) => (m as Meeting).id === meetingId) as Meeting;
  const lists = ['agendaItems', 'minutes', 'attendance', 'decisions', 'votes', 'householdConsultations', 'amendments'];
  const rows = Object.fromEntries(
    lists.map((l) => [l, (dump[l] ?? []).filter((r) => (r as { meetingId: string }).meetingId === meetingId)]),
  ) as unknown as RecordRows;
  const changed = { ...meeting, place: '另一个地点' };
  const fingerprint = await fingerprintRecord(assembleRecord(changed, rows, { orgPath: [], documentOrgName: '' }));
  expect(fingerprint).not.toBe(meeting.fingerprint);
  await patchRowRaw(page, 'meetings', meetingId, { place: changed.place, fingerprint });
}

async function verify(page: Page) {
  await page.getByRole('tab', { name: '签字与定稿' }).click();
  await page.getByRole('button', { name: '核验' }).click();
  return page.getByTestId('verification');
}

test('lock signs with this computer’s key; 核验 names the organisation; re-sealed is 内容与签名不符; rotation keeps old signatures valid', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await mkdir(SCREENS, { recursive: true });
  const dir = info.outputPath('files');
  await mkdir(dir, { recursive: true });
  await openWithDemo(page);

  // The demo installation has its key already (it signed the demo's year of meetings).
  await openSettings(page);
  const keys = page.getByTestId('signing-keys');
  const firstKey = (await page.getByTestId('current-key-id').textContent())!;
  expect(firstKey).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await keys.scrollIntoViewIfNeeded();
  await keys.screenshot({ path: `${SCREENS}/signing-settings.png` });

  // Export the public key file: the JSON format the superior committee registers.
  const download = page.waitForEvent('download');
  await keys.getByRole('button', { name: '导出公钥文件' }).click();
  const keyFile = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(keyFile).toMatchObject({
    format: 'yishi-public-key',
    version: 1,
    keyId: firstKey.replace(/-/g, '').toLowerCase(),
  });

  // Lock a finalised meeting.
  const { file, meetingId } = await finalisedFile(dir);
  await page.getByRole('menuitem', { name: '会议' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  await page.getByRole('tab', { name: '签字与定稿' }).click();
  await page.getByRole('button', { name: '签字完成，锁定纪要' }).click();
  await page.getByRole('button', { name: '签字完成，锁定纪要' }).last().click();
  await expect(page.getByTestId('signing-key-id')).toHaveText(firstKey);
  const verification = await verify(page);
  await expect(verification).toContainText(`由「${keyFile.organisation}」签署，签名有效`);
  await expect(verification).toContainText(`签名密钥：${firstKey}（本机密钥）`);
  await expect(verification).toContainText('与签字时的记录一致');
  await page.screenshot({ path: `${SCREENS}/signing-verify-valid.png`, fullPage: true });
  const url = page.url();

  // 更换密钥: the new key signs from now on; the meeting signed with the old one stays valid.
  await openSettings(page);
  await page.getByRole('button', { name: '更换密钥' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '更换密钥' }).click();
  await expect(page.getByTestId('current-key-id')).not.toHaveText(firstKey);
  await expect(keys).toContainText('以前的密钥');
  await expect(keys).toContainText(firstKey);
  await page.goto(url);
  await expect(await verify(page)).toContainText(`签名密钥：${firstKey}（本机密钥）`);
  await expect(page.getByTestId('verification')).toContainText('签名有效');

  // Changed in the database and re-sealed with a correct fingerprint: the signature does not cover it.
  await tamperAndReseal(page, meetingId);
  await page.reload();
  const tampered = await verify(page);
  await expect(tampered).toContainText('内容与签名不符');
  await expect(tampered).toContainText('重新计算了指纹');
  await expect(tampered).not.toContainText('签名有效');
  await page.screenshot({ path: `${SCREENS}/signing-verify-mismatch.png`, fullPage: true });
});

test('others’ key files: registered, listed, refused when damaged, removable; an unsigned file is 未签名', async ({
  page,
}, info) => {
  const dir = info.outputPath('files');
  await mkdir(dir, { recursive: true });
  await openWithDemo(page);

  // A meeting file of an older format (2) carries no signature: never shown as verified.
  const legacy = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  legacy.formatVersion = 2;
  delete legacy.signatures;
  delete legacy.followup;
  const legacyFile = path.join(dir, 'format2.json');
  await writeFile(legacyFile, JSON.stringify(legacy));
  await page.getByRole('menuitem', { name: '会议' }).click();
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议记录' }).click();
  await (await chooser).setFiles(legacyFile);
  await expect(page.getByTestId('import-verdict')).toContainText('核验结果：旧格式，无签名');
  await expect(page.getByRole('heading', { name: '帝纱富仕城红板凳议事会' })).toBeVisible();
  const verification = await verify(page);
  await expect(verification).toContainText('未签名（旧格式，无签名）');
  await expect(page.getByTestId('signing-key-id')).toHaveText('未签名（旧格式，无签名）');
  await page.screenshot({ path: `${SCREENS}/signing-verify-unsigned.png`, fullPage: true });

  const { key } = await generateSigningKey();
  const good = path.join(dir, 'kangju.json');
  await writeFile(
    good,
    publicKeyFileText({
      organisation: '康居社区',
      keyId: key.keyId,
      publicKey: key.publicKey,
      createdAt: '2026-05-01T00:00:00.000Z',
    }),
  );
  const damaged = path.join(dir, 'damaged.json');
  await writeFile(damaged, (await readFile(good, 'utf8')).replace(key.keyId, '0123456789abcdef'));

  await openSettings(page);
  const registered = page.getByTestId('registered-keys');
  await expect(registered).toContainText('尚未登记其他单位的密钥。');
  chooser = page.waitForEvent('filechooser');
  await registered.getByRole('button', { name: '导入公钥文件' }).click();
  await (await chooser).setFiles(damaged);
  await expect(page.locator('.ant-modal-confirm')).toContainText('密钥编号与公钥不符，文件可能被改动过。');
  await page.locator('.ant-modal-confirm').getByRole('button').last().click();

  chooser = page.waitForEvent('filechooser');
  await registered.getByRole('button', { name: '导入公钥文件' }).click();
  await (await chooser).setFiles(good);
  await expect(registered).toContainText('康居社区');

  // A backup passphrase: refused when short or mistyped; once set, a new key is kept in backups.
  const keys = page.getByTestId('signing-keys');
  await expect(page.getByTestId('backup-note')).toContainText('尚未设置备份口令');
  const before = await page.getByTestId('current-key-id').textContent();
  await keys.getByRole('button', { name: '设置备份口令' }).click();
  const dialog = page.getByRole('dialog', { name: '设置备份口令' });
  await dialog.getByLabel('备份口令').fill('短口令');
  await dialog.getByLabel('再输入一次').fill('短口令');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('口令至少8个字');
  await dialog.getByLabel('备份口令').fill('胜兴社区的备份口令');
  await dialog.getByLabel('再输入一次').fill('胜兴社区的备份口令X');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('两次输入的口令不一致');
  await page.screenshot({ path: `${SCREENS}/signing-passphrase.png` });
  await dialog.getByLabel('再输入一次').fill('胜兴社区的备份口令');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('backup-note')).toContainText('备份中含有用备份口令加密的私钥');
  await expect(page.getByTestId('current-key-id')).not.toHaveText(before!);

  // Large type: the key section and a verdict, for the older secretaries.
  await page.getByRole('banner').getByRole('switch', { name: '大字模式' }).click();
  await page.getByTestId('signing-keys').screenshot({ path: `${SCREENS}/signing-settings-large.png` });

  await registered.getByRole('button', { name: '移除' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '移除' }).click();
  await expect(registered).toContainText('尚未登记其他单位的密钥。');

  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('tab', { name: '已签字' }).click();
  await page
    .locator('.ant-table-row')
    .filter({ hasText: '帝纱富仕城红板凳议事会' })
    .first()
    .getByRole('button', { name: '打开' })
    .click();
  await verify(page);
  await page.screenshot({ path: `${SCREENS}/signing-verify-large.png`, fullPage: true });
});
