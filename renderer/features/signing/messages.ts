import { registerMessages } from '../../i18n';

/** Strings of signing keys and 核验 with signatures: the i18next namespace 'signing'. */
const zhCN = {
  verdict: {
    signedValid: '由「{{org}}」签署，签名有效',
    signedUnregistered: '签名有效但签署者未登记',
    unregisteredDetail: '签名自称由「{{org}}」签署。核实后，可在“设置 → 签名密钥”中导入对方的公钥文件。',
    mismatch: '内容与签名不符',
    reasons: {
      content: '记录在签字后被改动过，与它的指纹不符。',
      resealed: '记录被改动后重新计算了指纹：签名签署的不是现在的内容。',
      signature: '签名数据被改动过，无法验证。',
      latestUnsigned: '最近一次修订没有签名，可能是在议事厅之外添加的。',
    },
    unsigned: '未签名（旧格式，无签名）',
    unsignedDetail:
      '这份记录在启用电子签名之前签字锁定，或来自不含签名的会议文件。指纹与内容一致，但不能证明由谁签署，也不能排除被改动后重新计算指纹。',
    keyLine: '签名密钥：{{keyId}}（{{source}}）',
    signedWith: '签名密钥',
    sourceOwn: '本机密钥',
    sourceRegistered: '已登记的密钥',
    sourceUnknown: '未登记',
  },
  keys: {
    title: '签名密钥',
    intro:
      '本机用这把密钥为签字锁定的纪要和每次修订签名。把公钥文件交给上级党组织登记后，对方核验时就能确认纪要由本单位签署。私钥只保存在这台电脑上，不能导出。',
    none: '还没有签名密钥：第一次签字锁定会议时会自动生成。',
    createNow: '现在生成',
    current: '当前密钥',
    keyId: '密钥编号',
    publicKey: '公钥',
    organisation: '签署单位',
    createdAt: '生成时间',
    retired: '已停用（{{time}}），仍用于核验它签过的记录',
    export: '导出公钥文件',
    exported: '公钥文件已保存：{{path}}',
    rotate: '更换密钥',
    rotateTitle: '更换签名密钥？',
    rotateContent: '新密钥从现在起签名；旧密钥保留，用于核验它签过的记录。更换后请把新的公钥文件重新交给上级登记。',
    rotated: '已更换签名密钥，新密钥编号 {{keyId}}',
    oldKeys: '以前的密钥',
    backupNote: '备份不包含私钥：在另一台电脑上恢复备份后，会生成新的签名密钥；以前的签名仍能核验。',
    registered: '已登记的其他单位密钥',
    registeredEmpty: '尚未登记其他单位的密钥。',
    import: '导入公钥文件',
    imported: '已登记「{{org}}」的密钥 {{keyId}}',
    remove: '移除',
    removeTitle: '移除「{{org}}」的密钥？',
    removeContent: '移除后，这把密钥签署的记录核验时显示“签名有效但签署者未登记”。',
    fileFilter: '议事厅公钥文件',
    problems: {
      tooLarge: '文件过大，不是公钥文件。',
      notJson: '文件无法读取：不是有效的公钥文件。',
      notAKeyFile: '这不是议事厅的公钥文件。',
      newerVersion: '这个公钥文件来自更新版本的议事厅，请先升级本软件。',
      invalid: '公钥文件的内容不完整或有误（单位名称、密钥编号或生成时间）。',
      badKey: '文件中的公钥无效。',
      keyIdMismatch: '密钥编号与公钥不符，文件可能被改动过。',
      ownKey: '这是本机自己的密钥，无需登记。',
      alreadyRegistered: '这把密钥已经登记过（「{{org}}」）。',
    },
  },
};

const en: typeof zhCN = {
  verdict: {
    signedValid: 'Signed by “{{org}}”; the signature is valid',
    signedUnregistered: 'Valid signature, but the signer is not registered',
    unregisteredDetail:
      'The signature claims to be from “{{org}}”. Once confirmed, import their public key file under Settings → Signing key.',
    mismatch: 'The content does not match its signature',
    reasons: {
      content: 'The record was changed after signing and no longer matches its fingerprint.',
      resealed: 'The record was changed and its fingerprint recomputed: the signature covers other content.',
      signature: 'The signature data was altered and cannot be verified.',
      latestUnsigned: 'The latest amendment carries no signature; it may have been added outside Yishi.',
    },
    unsigned: 'Not signed (older format, no signature)',
    unsignedDetail:
      'This record was locked before electronic signatures, or came from a meeting file without them. Its fingerprint matches the content, but that proves neither who signed it nor that it was not changed and its fingerprint recomputed.',
    keyLine: 'Signing key: {{keyId}} ({{source}})',
    signedWith: 'Signing key',
    sourceOwn: 'this computer’s key',
    sourceRegistered: 'registered key',
    sourceUnknown: 'not registered',
  },
  keys: {
    title: 'Signing key',
    intro:
      'This computer signs every locked record and every amendment with this key. Give the public key file to the superior Party committee to register: their app then confirms that the minutes were signed by your organisation. The private key stays on this computer and cannot be exported.',
    none: 'No signing key yet: one is created when a meeting is first signed and locked.',
    createNow: 'Create now',
    current: 'Current key',
    keyId: 'Key ID',
    publicKey: 'Public key',
    organisation: 'Signing organisation',
    createdAt: 'Created',
    retired: 'Retired ({{time}}); still verifies what it signed',
    export: 'Export public key file',
    exported: 'Public key file saved: {{path}}',
    rotate: 'Replace key',
    rotateTitle: 'Replace the signing key?',
    rotateContent:
      'The new key signs from now on; the old one is kept to verify what it signed. Give the new public key file to your superior to register again.',
    rotated: 'Signing key replaced; new key ID {{keyId}}',
    oldKeys: 'Earlier keys',
    backupNote:
      'Backups do not hold the private key: after a restore on another computer a new signing key is created; earlier signatures still verify.',
    registered: 'Registered keys of other organisations',
    registeredEmpty: 'No other organisation’s key is registered yet.',
    import: 'Import public key file',
    imported: 'Registered the key {{keyId}} of “{{org}}”',
    remove: 'Remove',
    removeTitle: 'Remove the key of “{{org}}”?',
    removeContent: 'Records signed with it will then verify as “valid signature, but the signer is not registered”.',
    fileFilter: 'Yishi public key file',
    problems: {
      tooLarge: 'The file is too large to be a public key file.',
      notJson: 'The file cannot be read: it is not a valid public key file.',
      notAKeyFile: 'This is not a Yishi public key file.',
      newerVersion: 'This public key file comes from a newer version of Yishi; please update first.',
      invalid: 'The public key file is incomplete or wrong (organisation, key ID or creation time).',
      badKey: 'The public key in the file is not valid.',
      keyIdMismatch: 'The key ID does not match the key; the file may have been altered.',
      ownKey: 'This is this computer’s own key; it needs no registration.',
      alreadyRegistered: 'This key is already registered (“{{org}}”).',
    },
  },
};

export const signingMessages = { 'zh-CN': zhCN, en } as const;
registerMessages('signing', signingMessages);
