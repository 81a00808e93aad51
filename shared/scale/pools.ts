// Word pools for the scale generator: names, places, agenda topics and minutes sentences, in the
// language a 垦利 community's records are written in. Small on purpose: variety comes from
// combining them.

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕',
  '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '崔', '任', '姜', '范', '方', '石', '姚', '谭', '廖', '邹',
  '欧阳', '司马',
] as const;

export const GIVEN_NAMES = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂英', '建华', '建国', '志强', '丽华', '秀兰', '玉兰', '海燕', '春梅', '国强', '红梅', '文革', '卫东', '淑珍', '凤英',
  '德华', '振华', '宏伟', '晓东', '晓燕', '丽娟', '雪梅', '金凤', '立新', '建军', '海涛', '春生', '玉梅', '德胜', '桂兰', '玉珍',
  '子涵', '梓萱', '浩然', '一诺', '欣怡', '宇轩', '思远', '雨桐', '俊杰', '佳琪', '文博', '诗涵', '明轩', '若曦', '天佑', '嘉怡',
  '永福', '长青', '树林', '守信', '学文', '庆丰', '兆祥', '广军', '成刚', '继红',
] as const;

export const COMMUNITY_NAMES = [
  '胜兴', '胜利', '民丰', '永安', '兴隆', '黄河', '新兴', '利津', '育才', '振兴', '和谐', '幸福', '康居', '安居', '福泽',
  '惠民', '文苑', '向阳', '前进', '友谊', '光明', '锦华', '阳光', '绿洲', '滨海', '龙居', '德润', '润和', '丰泽', '同心',
] as const;

export const COMPOUND_STEMS = [
  '帝纱富仕', '香榭丽', '锦绣', '翰林', '金色家园', '怡和', '颐景', '碧水', '紫金', '华府', '御景', '书香', '润泽', '盛世',
  '龙湖', '海棠', '银座', '水岸', '明珠', '凤凰', '荣华', '东方', '宜居', '清华', '桃源', '丽景', '泰和', '恒大', '鸿福', '世纪',
] as const;

export const COMPOUND_SUFFIXES = ['城', '花园', '小区', '苑', '家园', '新村', '公寓', '雅居'] as const;

export const SUBDISTRICT_NAMES = ['垦利街道', '兴隆街道', '胜坨镇', '郝家镇'] as const;

export const UNITS_PROPERTY = ['鑫泰物业', '华信物业服务有限公司', '安居物业', '万家物业', '东润物业'] as const;
export const UNITS_COBUILDING = ['区住建局', '区城管局', '区市场监管局', '垦利供电中心', '区自来水公司', '区司法局', '垦利派出所', '区卫健局', '区消防救援大队', '区交通运输局'] as const;

export const TOPICS = [
  { title: '{compound}垃圾分类设施改造', concerns: ['property', 'resident'] },
  { title: '{compound}地面停车位重新划线', concerns: ['property', 'ownersCommittee', 'resident'] },
  { title: '{building}号楼加装电梯意见征集', concerns: ['resident', 'ownersCommittee', 'stakeholder'] },
  { title: '小区东门电动车充电棚建设', concerns: ['property', 'coBuilding', 'resident'] },
  { title: '{building}号楼楼顶防水维修', concerns: ['property', 'ownersCommittee'] },
  { title: '小区绿化带改建小游园', concerns: ['resident', 'property'] },
  { title: '物业服务费收缴与公示', concerns: ['property', 'ownersCommittee'] },
  { title: '冬季供暖温度不达标问题', concerns: ['coBuilding', 'property', 'resident'] },
  { title: '楼道杂物清理与消防通道畅通', concerns: ['property', 'coBuilding'] },
  { title: '下水管道堵塞疏通', concerns: ['property', 'resident'] },
  { title: '小区路灯维修与增设', concerns: ['property', 'coBuilding'] },
  { title: '流浪犬只管理', concerns: ['resident', 'coBuilding'] },
  { title: '老年食堂选址与运营', concerns: ['twoCommittees', 'coBuilding', 'resident'] },
  { title: '业委会换届选举筹备', concerns: ['ownersCommittee', 'twoCommittees'] },
  { title: '维修基金使用方案', concerns: ['ownersCommittee', 'property', 'resident'] },
  { title: '小区门禁系统升级', concerns: ['property', 'resident'] },
  { title: '广场舞噪音扰民协调', concerns: ['resident', 'stakeholder'] },
  { title: '外墙保温层脱落排查', concerns: ['property', 'coBuilding'] },
  { title: '雨水井盖更换', concerns: ['property'] },
  { title: '快递驿站设置', concerns: ['coBuilding', 'resident'] },
  { title: '上月决定事项落实情况通报', concerns: ['twoCommittees'] },
  { title: '“微心愿”认领与双报到安排', concerns: ['twoCommittees', 'coBuilding'] },
] as const;

export const SENTENCES = [
  '{name}介绍了{topic}的基本情况，截至目前已收集居民意见{n}条。',
  '{name}表示，物业公司将在{days}日内拿出具体施工方案，报业委会审核。',
  '居民代表{name}提出，施工期间要做好安全防护，避开老人孩子出行高峰。',
  '{name}认为，费用分摊应当按照住房面积计算，并在公示栏公示不少于七天。',
  '与会人员围绕{topic}展开讨论，一致同意先行试点，再逐步推开。',
  '共建单位{unit}表示愿意提供技术支持，并派专人现场指导。',
  '网格员{name}反映，{building}号楼部分住户对方案仍有顾虑，需要逐户做工作。',
  '{name}建议将此事纳入下月党群议事日继续跟踪，形成闭环。',
  '主持人{name}总结：按照“谁来干、干到什么标准、什么时间干完、谁来监督”明确责任。',
  '业委会主任{name}表示，维修资金的使用须经业主大会表决通过。',
  '{name}指出，上次会议确定的事项已基本完成，居民满意度较高。',
  '经过充分协商，大家同意由物业公司牵头，社区党委负责监督。',
  '{name}补充说明了相关政策依据，并答复了居民关心的问题。',
  '利益相关方{name}对方案表示理解，希望施工结束后恢复绿化。',
  '会议要求各责任方在{days}日内反馈进展，逾期未完成的在下次会议上说明原因。',
  '{name}提醒大家注意冬季用电用气安全，楼道内不得停放电动车。',
  '现场举手表决，多数人同意该方案，少数人弃权。',
  '{name}就{topic}的预算作了说明，预计需要资金{n}千元。',
] as const;

export const STANDARDS = [
  '施工完成后经业委会和居民代表验收合格，现场无安全隐患',
  '按照方案全部完成，并在公示栏公示结果不少于7天',
  '问题整改到位，相关居民满意度不低于90%',
  '完成方案设计并经党群议事日审议通过',
  '设施投入正常使用，每周巡查一次并留存记录',
  '费用明细公开，账目清楚，经居民代表审核无异议',
] as const;

export const PLACES = ['{compound}党群睦邻说事点', '{community}社区居民说事厅', '{compound}物业办公室', '{compound}红板凳议事角'] as const;
