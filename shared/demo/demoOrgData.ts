import type { RosterRole } from '../domain/roles';

/**
 * The demo community's organisation tree and roster, written out by hand so the demo reads
 * like a real 垦利区 roster. Places follow the 中国城市报 report (see shared/domain.md);
 * every person, phone number and company is fictional.
 */

export interface PersonSpec {
  name: string;
  /** Gender; left out for a few people on purpose (rosters are rarely complete). */
  g?: 'm' | 'f';
  roles: RosterRole[];
  unit?: string;
  note?: string;
  party?: boolean;
  mediator?: boolean;
  /** Mobile unless stated: office landline (0546-…) or no phone on file. */
  phone?: 'landline' | 'none';
}

export interface GridWorkerSpec {
  name: string;
  g: 'm' | 'f';
  party?: boolean;
}

export interface CompoundSpec {
  slug: string;
  name: string;
  households: number;
  /** One full-time grid worker per grid (each grid ≈ 300 households), in grid order. */
  gridWorkers: GridWorkerSpec[];
  people: PersonSpec[];
}

export interface CommunitySpec {
  slug: string;
  name: string;
  /** Community-level staff: Party secretary, a deputy and the two full-time mediators. */
  staff: PersonSpec[];
  compounds: CompoundSpec[];
}

export interface SubdistrictSpec {
  slug: string;
  name: string;
  communities: CommunitySpec[];
}

export interface DistrictSpec {
  slug: string;
  name: string;
  subdistricts: SubdistrictSpec[];
}

const MEDIATOR_NOTE = '专职人民调解员';

export const DEMO_TREE: DistrictSpec = {
  slug: 'kenli',
  name: '垦利区',
  subdistricts: [
    {
      slug: 'kenli-jd',
      name: '垦利街道',
      communities: [
        {
          slug: 'shengxing',
          name: '胜兴社区',
          staff: [
            {
              name: '孙立华',
              g: 'f',
              roles: ['secretary', 'twoCommittees'],
              unit: '胜兴社区党委',
              note: '社区党委书记、居委会主任',
              party: true,
            },
            {
              name: '高建新',
              g: 'm',
              roles: ['twoCommittees'],
              unit: '胜兴社区党委',
              note: '社区党委副书记',
              party: true,
            },
            {
              name: '马桂芳',
              g: 'f',
              roles: ['stakeholder'],
              unit: '胜兴社区人民调解委员会',
              note: MEDIATOR_NOTE,
              party: true,
              mediator: true,
            },
            {
              name: '周永福',
              g: 'm',
              roles: ['stakeholder'],
              unit: '胜兴社区人民调解委员会',
              note: MEDIATOR_NOTE,
              mediator: true,
            },
          ],
          compounds: [
            {
              slug: 'dishafushicheng',
              name: '帝纱富仕城',
              households: 860,
              gridWorkers: [
                { name: '张雪梅', g: 'f', party: true },
                { name: '罗文静', g: 'f' },
                { name: '胡晓东', g: 'm', party: true },
              ],
              people: [
                {
                  name: '李振海',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '帝纱富仕城小区党支部',
                  note: '小区党支部书记，红板凳议事会主持人',
                  party: true,
                },
                {
                  name: '赵丽娟',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '胜兴社区居委会',
                  note: '社区两委委员，包联帝纱富仕城',
                  party: true,
                },
                {
                  name: '陈德强',
                  g: 'm',
                  roles: ['ownersCommittee'],
                  unit: '帝纱富仕城业主委员会',
                  note: '业委会主任',
                  party: true,
                },
                {
                  name: '杨海涛',
                  g: 'm',
                  roles: ['property'],
                  unit: '垦利恒泰物业服务有限公司',
                  note: '帝纱富仕城项目负责人',
                },
                { name: '黄玉梅', g: 'f', roles: ['resident'], unit: '3号楼', note: '居民代表、楼栋长', party: true },
                { name: '吴德胜', g: 'm', roles: ['resident'], unit: '7号楼', note: '居民代表', phone: 'none' },
                { name: '徐晓燕', g: 'f', roles: ['resident'], unit: '11号楼', note: '居民代表' },
                {
                  name: '郭明远',
                  g: 'm',
                  roles: ['coBuilding'],
                  unit: '垦利区住房和城乡建设局',
                  note: '物业管理科，共建单位联络员',
                  party: true,
                  phone: 'landline',
                },
                {
                  name: '林春霞',
                  g: 'f',
                  roles: ['coBuilding'],
                  unit: '垦利区综合行政执法局',
                  note: '垃圾分类工作专班',
                  party: true,
                },
                {
                  name: '何家旺',
                  g: 'm',
                  roles: ['stakeholder'],
                  unit: '5号楼',
                  note: '有车业主代表（停车位改造划分）',
                },
                { name: '朱凤英', roles: ['stakeholder'], unit: '1号楼', note: '垃圾分类投放点旁住户' },
              ],
            },
            {
              slug: 'shengxinghuayuan',
              name: '胜兴花园',
              households: 540,
              gridWorkers: [
                { name: '李婷婷', g: 'f', party: true },
                { name: '王浩然', g: 'm' },
              ],
              people: [
                {
                  name: '王德顺',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '胜兴花园小区党支部',
                  note: '小区党支部书记，老年党员',
                  party: true,
                },
                {
                  name: '刘淑珍',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '胜兴社区居委会',
                  note: '社区两委委员，包联胜兴花园',
                  party: true,
                },
                { name: '张庆丰', g: 'm', roles: ['ownersCommittee'], unit: '胜兴花园业主委员会', note: '业委会主任' },
                {
                  name: '宋丽萍',
                  g: 'f',
                  roles: ['property'],
                  unit: '垦利佳和物业服务有限公司',
                  note: '胜兴花园项目负责人',
                },
                {
                  name: '赵洪林',
                  g: 'm',
                  roles: ['resident'],
                  unit: '5号楼',
                  note: '居民代表，离退休党员',
                  party: true,
                  phone: 'none',
                },
                { name: '陈玉兰', g: 'f', roles: ['resident'], unit: '9号楼', note: '居民代表' },
                {
                  name: '韩志刚',
                  g: 'm',
                  roles: ['coBuilding'],
                  unit: '垦利区胜兴小学',
                  note: '共建单位联络员（红色花园认领）',
                  party: true,
                },
                {
                  name: '孙桂香',
                  g: 'f',
                  roles: ['stakeholder'],
                  unit: '2号楼',
                  note: '原在绿地种菜的居民，现认领红色花园地块',
                },
              ],
            },
          ],
        },
        {
          slug: 'kangju',
          name: '康居社区',
          staff: [
            {
              name: '张启华',
              g: 'm',
              roles: ['secretary', 'twoCommittees'],
              unit: '康居社区党委',
              note: '社区党委书记、居委会主任',
              party: true,
            },
            {
              name: '刘红霞',
              g: 'f',
              roles: ['twoCommittees'],
              unit: '康居社区居委会',
              note: '居委会副主任',
              party: true,
            },
            {
              name: '陈文斌',
              g: 'm',
              roles: ['stakeholder'],
              unit: '康居社区人民调解委员会',
              note: MEDIATOR_NOTE,
              party: true,
              mediator: true,
            },
            {
              name: '杨秀英',
              g: 'f',
              roles: ['stakeholder'],
              unit: '康居社区人民调解委员会',
              note: MEDIATOR_NOTE,
              mediator: true,
            },
          ],
          compounds: [
            {
              slug: 'kangjuhuayuan',
              name: '康居花园',
              households: 720,
              gridWorkers: [
                { name: '赵静怡', g: 'f', party: true },
                { name: '何俊峰', g: 'm' },
              ],
              people: [
                {
                  name: '周广平',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '康居花园小区党支部',
                  note: '小区党支部书记',
                  party: true,
                },
                {
                  name: '吴晓丽',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '康居社区居委会',
                  note: '社区两委委员，包联康居花园',
                  party: true,
                },
                {
                  name: '徐长海',
                  g: 'm',
                  roles: ['ownersCommittee'],
                  unit: '康居花园业主委员会',
                  note: '业委会主任',
                  party: true,
                },
                {
                  name: '黄晓波',
                  g: 'm',
                  roles: ['property'],
                  unit: '垦利锦华物业服务有限公司',
                  note: '康居花园项目负责人',
                },
                { name: '孙玉芹', g: 'f', roles: ['resident'], unit: '6号楼', note: '居民代表', phone: 'none' },
                { name: '马德才', g: 'm', roles: ['resident'], unit: '12号楼', note: '居民代表、楼栋长', party: true },
                { name: '高秀云', g: 'f', roles: ['resident'], unit: '14号楼', note: '居民代表' },
                {
                  name: '李文涛',
                  g: 'm',
                  roles: ['coBuilding'],
                  unit: '垦利区人民法院',
                  note: '法官，参与信鸽纠纷调解',
                  party: true,
                  phone: 'landline',
                },
                { name: '朱明辉', g: 'm', roles: ['coBuilding'], unit: '山东垦和律师事务所', note: '“云律团”律师' },
                {
                  name: '林海燕',
                  g: 'f',
                  roles: ['coBuilding'],
                  unit: '垦利区园林绿化服务中心',
                  note: '绿化养护科',
                  party: true,
                },
                { name: '胡永强', g: 'm', roles: ['stakeholder'], unit: '8号楼', note: '信鸽养殖户（纠纷当事人）' },
                { name: '郭淑琴', g: 'f', roles: ['stakeholder'], unit: '8号楼', note: '相邻住户（纠纷当事人）' },
              ],
            },
            {
              slug: 'gongxiao',
              name: '供销小区',
              households: 168,
              gridWorkers: [{ name: '孙晓雯', g: 'f', party: true }],
              people: [
                {
                  name: '王振东',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '供销小区党支部',
                  note: '小区党支部书记，退休党员',
                  party: true,
                },
                {
                  name: '李春燕',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '康居社区居委会',
                  note: '社区两委委员，包联供销小区',
                  party: true,
                },
                {
                  name: '陈宝山',
                  g: 'm',
                  roles: ['ownersCommittee'],
                  unit: '供销小区居民自治小组',
                  note: '自治小组组长（尚未成立业委会）',
                },
                {
                  name: '杨立国',
                  g: 'm',
                  roles: ['property'],
                  unit: '垦利街道红色物业服务站',
                  note: '老旧小区托管物业负责人',
                  party: true,
                },
                { name: '张翠兰', g: 'f', roles: ['resident'], unit: '2号楼', note: '居民代表', phone: 'none' },
                { name: '徐广才', g: 'm', roles: ['resident'], unit: '4号楼', note: '居民代表', party: true },
                {
                  name: '郭振华',
                  g: 'm',
                  roles: ['coBuilding'],
                  unit: '垦利区住房和城乡建设局',
                  note: '老旧小区改造专班',
                  party: true,
                  phone: 'landline',
                },
              ],
            },
          ],
        },
        {
          slug: 'huifeng',
          name: '汇丰社区',
          staff: [
            {
              name: '李广明',
              g: 'm',
              roles: ['secretary', 'twoCommittees'],
              unit: '汇丰社区党委',
              note: '社区党委书记、居委会主任',
              party: true,
            },
            {
              name: '王素芬',
              g: 'f',
              roles: ['twoCommittees'],
              unit: '汇丰社区居委会',
              note: '居委会副主任',
              party: true,
            },
            {
              name: '赵德福',
              g: 'm',
              roles: ['stakeholder'],
              unit: '汇丰社区人民调解委员会',
              note: MEDIATOR_NOTE,
              party: true,
              mediator: true,
            },
            {
              name: '周桂兰',
              g: 'f',
              roles: ['stakeholder'],
              unit: '汇丰社区人民调解委员会',
              note: MEDIATOR_NOTE,
              mediator: true,
            },
          ],
          compounds: [
            {
              slug: 'huifengjiayuan',
              name: '汇丰家园',
              households: 640,
              gridWorkers: [
                { name: '徐丽君', g: 'f', party: true },
                { name: '张宏伟', g: 'm' },
              ],
              people: [
                {
                  name: '刘长华',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '汇丰家园小区党支部',
                  note: '小区党支部书记',
                  party: true,
                },
                {
                  name: '黄丽萍',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '汇丰社区居委会',
                  note: '社区两委委员，包联汇丰家园',
                  party: true,
                },
                { name: '吴海军', g: 'm', roles: ['ownersCommittee'], unit: '汇丰家园业主委员会', note: '业委会主任' },
                {
                  name: '林志远',
                  g: 'm',
                  roles: ['property'],
                  unit: '垦利恒泰物业服务有限公司',
                  note: '汇丰家园项目负责人',
                },
                { name: '马淑英', g: 'f', roles: ['resident'], unit: '2号楼', note: '居民代表', phone: 'none' },
                { name: '孙洪涛', g: 'm', roles: ['resident'], unit: '10号楼', note: '居民代表、楼栋长', party: true },
                {
                  name: '陈晓峰',
                  g: 'm',
                  roles: ['coBuilding'],
                  unit: '垦利区消防救援大队',
                  note: '防火监督员',
                  party: true,
                  phone: 'landline',
                },
                { name: '何美玲', g: 'f', roles: ['stakeholder'], unit: '5号楼', note: '有车业主代表（消防通道停车）' },
                { name: '高长友', roles: ['stakeholder'], unit: '东门沿街商铺', note: '商户代表' },
              ],
            },
            {
              slug: 'fuzeyuan',
              name: '福泽苑',
              households: 450,
              gridWorkers: [
                { name: '李晓蕾', g: 'f' },
                { name: '刘振宇', g: 'm', party: true },
              ],
              people: [
                {
                  name: '杨春生',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '福泽苑小区党支部',
                  note: '小区党支部书记',
                  party: true,
                },
                {
                  name: '朱慧敏',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '汇丰社区居委会',
                  note: '社区两委委员，包联福泽苑',
                  party: true,
                },
                { name: '郭长江', g: 'm', roles: ['ownersCommittee'], unit: '福泽苑业主委员会', note: '业委会主任' },
                {
                  name: '宋晓梅',
                  g: 'f',
                  roles: ['property'],
                  unit: '垦利佳和物业服务有限公司',
                  note: '福泽苑项目负责人',
                },
                { name: '胡秀梅', g: 'f', roles: ['resident'], unit: '1号楼', note: '居民代表' },
                {
                  name: '罗德海',
                  g: 'm',
                  roles: ['resident'],
                  unit: '7号楼',
                  note: '居民代表',
                  party: true,
                  phone: 'none',
                },
                {
                  name: '罗建军',
                  g: 'm',
                  roles: ['coBuilding'],
                  unit: '垦利区卫生健康局',
                  note: '“双报到”党员，共建单位联络员',
                  party: true,
                },
                { name: '王晓光', g: 'm', roles: ['stakeholder'], unit: '3号楼', note: '一楼住户（楼道堆物）' },
              ],
            },
          ],
        },
        {
          slug: 'zhenxing',
          name: '振兴社区',
          staff: [
            {
              name: '陈志明',
              g: 'm',
              roles: ['secretary', 'twoCommittees'],
              unit: '振兴社区党委',
              note: '社区党委书记、居委会主任',
              party: true,
            },
            {
              name: '杨玉珍',
              g: 'f',
              roles: ['twoCommittees'],
              unit: '振兴社区党委',
              note: '社区党委副书记',
              party: true,
            },
            {
              name: '吴春华',
              g: 'f',
              roles: ['stakeholder'],
              unit: '振兴社区人民调解委员会',
              note: MEDIATOR_NOTE,
              party: true,
              mediator: true,
            },
            {
              name: '马国庆',
              g: 'm',
              roles: ['stakeholder'],
              unit: '振兴社区人民调解委员会',
              note: MEDIATOR_NOTE,
              mediator: true,
            },
          ],
          compounds: [
            {
              slug: 'xindongfang',
              name: '新东方小区',
              households: 1800,
              gridWorkers: [
                { name: '王海燕', g: 'f', party: true },
                { name: '李志鹏', g: 'm' },
                { name: '陈晓丽', g: 'f', party: true },
                { name: '刘海波', g: 'm', party: true },
                { name: '杨雪莹', g: 'f' },
                { name: '赵鹏飞', g: 'm' },
              ],
              people: [
                {
                  name: '赵振国',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '新东方小区党支部',
                  note: '小区党支部书记',
                  party: true,
                },
                {
                  name: '孙丽丽',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '振兴社区居委会',
                  note: '社区两委委员，包联新东方小区',
                  party: true,
                },
                {
                  name: '黄建业',
                  g: 'm',
                  roles: ['ownersCommittee'],
                  unit: '新东方小区业主委员会',
                  note: '业委会主任',
                  party: true,
                },
                {
                  name: '周立新',
                  g: 'm',
                  roles: ['property'],
                  unit: '垦利鑫源物业服务有限公司',
                  note: '新东方小区项目负责人',
                },
                { name: '刘玉霞', g: 'f', roles: ['resident'], unit: '北区15号楼', note: '居民代表' },
                {
                  name: '高德林',
                  g: 'm',
                  roles: ['resident'],
                  unit: '北区21号楼',
                  note: '居民代表、楼栋长',
                  party: true,
                  phone: 'none',
                },
                { name: '徐秀珍', g: 'f', roles: ['resident'], unit: '南区6号楼', note: '居民代表' },
                {
                  name: '张伟东',
                  g: 'm',
                  roles: ['coBuilding'],
                  unit: '东营市公安局垦利分局垦利派出所',
                  note: '社区民警',
                  party: true,
                },
                { name: '郭秀芳', g: 'f', roles: ['stakeholder'], unit: '北区1号楼', note: '北门附近住户' },
                { name: '何立军', g: 'm', roles: ['stakeholder'], unit: '北门外沿街商铺', note: '商户代表' },
              ],
            },
            {
              slug: 'zhenxingyuan',
              name: '振兴苑',
              households: 330,
              gridWorkers: [{ name: '黄晓婷', g: 'f', party: true }],
              people: [
                {
                  name: '朱永生',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '振兴苑小区党支部',
                  note: '小区党支部书记',
                  party: true,
                },
                {
                  name: '林晓红',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '振兴社区居委会',
                  note: '社区两委委员，包联振兴苑',
                  party: true,
                },
                { name: '罗永刚', g: 'm', roles: ['ownersCommittee'], unit: '振兴苑业主委员会', note: '业委会主任' },
                {
                  name: '宋建新',
                  g: 'm',
                  roles: ['property'],
                  unit: '垦利鑫源物业服务有限公司',
                  note: '振兴苑项目负责人',
                },
                { name: '孙凤兰', g: 'f', roles: ['resident'], unit: '2号楼', note: '居民代表' },
                { name: '马建林', g: 'm', roles: ['resident'], unit: '5号楼', note: '居民代表', party: true },
                {
                  name: '吴佳琪',
                  g: 'f',
                  roles: ['coBuilding'],
                  unit: '垦利供电中心',
                  note: '共建单位联络员（充电设施）',
                  party: true,
                  phone: 'landline',
                },
                { name: '徐大勇', roles: ['stakeholder'], unit: '4号楼', note: '电动车车主代表' },
              ],
            },
          ],
        },
      ],
    },
    {
      slug: 'xinglong-jd',
      name: '兴隆街道',
      communities: [
        {
          slug: 'xinglong',
          name: '兴隆社区',
          staff: [
            {
              name: '高振华',
              g: 'm',
              roles: ['secretary', 'twoCommittees'],
              unit: '兴隆社区党委',
              note: '社区党委书记、居委会主任',
              party: true,
            },
            {
              name: '张美华',
              g: 'f',
              roles: ['twoCommittees'],
              unit: '兴隆社区居委会',
              note: '居委会副主任',
              party: true,
            },
            {
              name: '李德明',
              g: 'm',
              roles: ['stakeholder'],
              unit: '兴隆社区人民调解委员会',
              note: MEDIATOR_NOTE,
              party: true,
              mediator: true,
            },
            {
              name: '王翠萍',
              g: 'f',
              roles: ['stakeholder'],
              unit: '兴隆社区人民调解委员会',
              note: MEDIATOR_NOTE,
              mediator: true,
            },
          ],
          compounds: [
            {
              slug: 'xinglongjiayuan',
              name: '兴隆佳苑',
              households: 610,
              gridWorkers: [
                { name: '孙晓峰', g: 'm', party: true },
                { name: '胡丽娜', g: 'f' },
              ],
              people: [
                {
                  name: '刘福生',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '兴隆佳苑小区党支部',
                  note: '小区党支部书记',
                  party: true,
                },
                {
                  name: '陈静文',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '兴隆社区居委会',
                  note: '社区两委委员，包联兴隆佳苑',
                  party: true,
                },
                { name: '杨国良', g: 'm', roles: ['ownersCommittee'], unit: '兴隆佳苑业主委员会', note: '业委会主任' },
                {
                  name: '赵海峰',
                  g: 'm',
                  roles: ['property'],
                  unit: '垦利和顺物业服务有限公司',
                  note: '兴隆佳苑项目负责人',
                },
                { name: '周秀兰', g: 'f', roles: ['resident'], unit: '8号楼', note: '居民代表', phone: 'none' },
                { name: '吴建国', g: 'm', roles: ['resident'], unit: '3号楼', note: '居民代表', party: true },
                {
                  name: '郭立新',
                  g: 'm',
                  roles: ['coBuilding'],
                  unit: '垦利区水务服务中心',
                  note: '排水管网科',
                  party: true,
                  phone: 'landline',
                },
                { name: '马玉兰', g: 'f', roles: ['stakeholder'], unit: '1号楼', note: '一楼住户（雨污管道返水）' },
              ],
            },
            {
              slug: 'jinhuhuayuan',
              name: '金湖花园',
              households: 380,
              gridWorkers: [{ name: '韩晓雪', g: 'f', party: true }],
              people: [
                {
                  name: '何振江',
                  g: 'm',
                  roles: ['secretary'],
                  unit: '金湖花园小区党支部',
                  note: '小区党支部书记',
                  party: true,
                },
                {
                  name: '林美霞',
                  g: 'f',
                  roles: ['twoCommittees'],
                  unit: '兴隆社区居委会',
                  note: '社区两委委员，包联金湖花园',
                  party: true,
                },
                {
                  name: '罗国华',
                  g: 'm',
                  roles: ['ownersCommittee'],
                  unit: '金湖花园业主委员会',
                  note: '业委会主任',
                  party: true,
                },
                {
                  name: '黄玉华',
                  g: 'f',
                  roles: ['property'],
                  unit: '垦利和顺物业服务有限公司',
                  note: '金湖花园项目负责人',
                },
                { name: '徐桂兰', roles: ['resident'], unit: '6号楼', note: '居民代表', phone: 'none' },
                { name: '朱建明', g: 'm', roles: ['resident'], unit: '2号楼', note: '居民代表' },
                {
                  name: '宋文华',
                  g: 'f',
                  roles: ['coBuilding'],
                  unit: '兴隆街道中心小学',
                  note: '共建单位联络员',
                  party: true,
                },
                { name: '高秀芳', g: 'f', roles: ['stakeholder'], unit: '4号楼', note: '独居老人家属（助餐需求）' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
