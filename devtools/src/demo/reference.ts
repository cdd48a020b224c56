/**
 * The demo county's reference tables (small, in memory) and the lookup indices the household
 * walk needs. Built once per createDemoCounty; never mutated afterwards (the walk keeps its own
 * counters), so several walks can run side by side.
 */
import { creditCodeCheckCharacter } from '@jiuye/common';
import { dayFromYmd, dayOf, isoOf, monthOf, yearOf } from './calendar';
import {
  type CourseKind,
  type DemoClass,
  type DemoCourse,
  type DemoEmployer,
  type DemoInstitution,
  type DemoJobFair,
  type DemoJobPosting,
  type DemoLabourBase,
  type DemoOptions,
  type DemoPartnerCity,
  type DemoPartnerPosting,
  type DemoReference,
  type DemoRelocationSite,
  type DemoResponsibleUnit,
  type DemoCadre,
  type DemoTownship,
  type DemoTransferBatch,
  type DemoVillage,
  type DemoWelfarePost,
  type Education,
  type EmployerKind,
  type EmploymentPlace,
  type InstitutionKind,
  TRADE_LABELS,
  type Trade,
  WELFARE_POST_KIND_LABELS,
  type WelfarePostKind,
} from './model';
import {
  BASE_PRODUCTS,
  brand,
  CITY_INDUSTRIES,
  COMMUNITY_NAMES,
  COOPERATIVE_PRODUCTS,
  FACTORY_PRODUCTS,
  fullName,
  LOCAL_INDUSTRIES,
  VILLAGE_FAVOURITES,
  VILLAGE_FIRST,
  VILLAGE_SECOND,
  WORKSHOP_PRODUCTS,
} from './names';
import { clamp, Domain, pad, Rng, roundTo, Weighted } from './random';

// ---------------------------------------------------------------------------------------
// Fixed geography
// ---------------------------------------------------------------------------------------

export const PROVINCE = { code: '53', name: '云南省' };
export const CITY = { code: '5301', name: '昆明市' };
export const COUNTY = { code: '530113', name: '东川区' };
/** Prefix of generated batch numbers (东川). */
export const BATCH_PREFIX = 'DC';

const TOWNSHIPS: { suffix: string; name: string; weight: number; street: boolean }[] = [
  { suffix: '001', name: '铜都街道', weight: 1.2, street: true },
  { suffix: '002', name: '碧谷街道', weight: 0.8, street: true },
  { suffix: '101', name: '汤丹镇', weight: 1.3, street: false },
  { suffix: '102', name: '因民镇', weight: 0.9, street: false },
  { suffix: '103', name: '阿旺镇', weight: 1.1, street: false },
  { suffix: '104', name: '乌龙镇', weight: 1.0, street: false },
  { suffix: '105', name: '拖布卡镇', weight: 1.3, street: false },
  { suffix: '106', name: '红土地镇', weight: 1.0, street: false },
  { suffix: '201', name: '舍块乡', weight: 0.6, street: false },
];

/** Out-of-county divisions in Yunnan where Dongchuan people work. */
const IN_PROVINCE_DIVISIONS: { code: string; location: string; city: string }[] = [
  { code: '530102', location: '昆明市五华区', city: '昆明' },
  { code: '530103', location: '昆明市盘龙区', city: '昆明' },
  { code: '530111', location: '昆明市官渡区', city: '昆明' },
  { code: '530112', location: '昆明市西山区', city: '昆明' },
  { code: '530114', location: '昆明市呈贡区', city: '昆明' },
  { code: '530115', location: '昆明市晋宁区', city: '昆明' },
  { code: '530181', location: '昆明市安宁市', city: '安宁' },
  { code: '530302', location: '曲靖市麒麟区', city: '曲靖' },
  { code: '530402', location: '玉溪市红塔区', city: '玉溪' },
  { code: '532301', location: '楚雄州楚雄市', city: '楚雄' },
];

const PARTNER_CITIES: DemoPartnerCity[] = [
  { code: '4403', name: '深圳市', province: '广东省' },
  { code: '3205', name: '苏州市', province: '江苏省' },
];
const PARTNER_WEIGHTS = [0.55, 0.45];

const PARTNER_DIVISIONS: Record<string, { code: string; location: string }[]> = {
  '4403': [
    { code: '440306', location: '广东省深圳市宝安区' },
    { code: '440307', location: '广东省深圳市龙岗区' },
    { code: '440309', location: '广东省深圳市龙华区' },
    { code: '440311', location: '广东省深圳市光明区' },
  ],
  '3205': [
    { code: '320506', location: '江苏省苏州市吴中区' },
    { code: '320505', location: '江苏省苏州市虎丘区' },
    { code: '320583', location: '江苏省苏州市昆山市' },
    { code: '320582', location: '江苏省苏州市张家港市' },
  ],
};
const PARTNER_SHORT: Record<string, string> = { '4403': '深圳', '3205': '苏州' };

/** Places where people found work on their own (employer outside the registry): [location, short city name]. */
export const SELF_FOUND_OUT_OF_PROVINCE: [string, string][] = [
  ['浙江省宁波市鄞州区', '宁波'],
  ['浙江省金华市义乌市', '义乌'],
  ['浙江省杭州市萧山区', '杭州'],
  ['广东省东莞市', '东莞'],
  ['广东省广州市番禺区', '广州'],
  ['广东省佛山市南海区', '佛山'],
  ['福建省泉州市晋江市', '晋江'],
  ['上海市松江区', '上海'],
  ['江苏省无锡市新吴区', '无锡'],
  ['广东省深圳市宝安区', '深圳'],
  ['江苏省苏州市吴中区', '苏州'],
  ['北京市大兴区', '北京'],
  ['四川省成都市双流区', '成都'],
  ['广东省中山市', '中山'],
  ['浙江省温州市瑞安市', '温州'],
];
export const SELF_FOUND_IN_PROVINCE: [string, string][] = [
  ['昆明市官渡区', '昆明'],
  ['昆明市呈贡区', '昆明'],
  ['昆明市西山区', '昆明'],
  ['曲靖市麒麟区', '曲靖'],
  ['玉溪市红塔区', '玉溪'],
  ['昆明市安宁市', '安宁'],
  ['昆明市盘龙区', '昆明'],
  ['昭通市昭阳区', '昭通'],
];

const RESPONSIBLE_UNITS = [
  '区人社局',
  '区教育体育局',
  '区卫生健康局',
  '区民政局',
  '区财政局',
  '区农业农村局',
  '区住房城乡建设局',
  '区交通运输局',
  '区水务局',
  '区林业和草原局',
  '区市场监管局',
  '区自然资源局',
  '区文化和旅游局',
  '区发展和改革局',
  '区工业信息化和商务科技局',
  '区应急管理局',
  '区医疗保障局',
  '区统计局',
  '区审计局',
  '区司法局',
  '市生态环境局东川分局',
  '市公安局东川分局',
  '区税务局',
  '区总工会',
  '团区委',
  '区妇联',
  '区残联',
  '区科协',
  '区委组织部',
  '区委宣传部',
  '区委统战部',
  '区纪委区监委',
  '区委政法委',
  '区人民法院',
  '区人民检察院',
  '区融媒体中心',
  '区供销社',
  '区退役军人事务局',
  '区乡村振兴局',
  '区国资委',
  '区投资促进局',
  '区信访局',
  '区档案馆',
  '区机关事务管理局',
  '区红十字会',
  '区城市管理局',
  '区气象局',
  '区烟草专卖局',
  '区农村信用合作联社',
  '区人民医院',
  '区疾控中心',
  '区图书馆',
];

const RELOCATION_SITES: { townshipSuffix: string; name: string; weight: number }[] = [
  { townshipSuffix: '001', name: '铜都街道起嘎易地扶贫搬迁安置点', weight: 1.6 },
  { townshipSuffix: '002', name: '碧谷街道新村易地扶贫搬迁安置点', weight: 1.2 },
  { townshipSuffix: '101', name: '汤丹镇集镇易地扶贫搬迁安置点', weight: 1.0 },
  { townshipSuffix: '103', name: '阿旺镇小街易地扶贫搬迁安置点', weight: 0.8 },
  { townshipSuffix: '105', name: '拖布卡镇格勒易地扶贫搬迁安置点', weight: 0.8 },
  { townshipSuffix: '106', name: '红土地镇花沟易地扶贫搬迁安置点', weight: 0.6 },
];

const INSTITUTIONS: { name: string; kind: InstitutionKind; townshipSuffix: string; site: string }[] = [
  { name: '东川区职业技术学校', kind: 'TECHNICAL_SCHOOL', townshipSuffix: '001', site: '东川区职业技术学校实训楼' },
  { name: '东川区职业技能培训中心', kind: 'TRAINING_CENTRE', townshipSuffix: '001', site: '东川区职业技能培训中心' },
  { name: '东川区农业技术推广培训中心', kind: 'TRAINING_CENTRE', townshipSuffix: '103', site: '阿旺镇农技推广站' },
  { name: '东川区残疾人职业技能培训基地', kind: 'TRAINING_CENTRE', townshipSuffix: '002', site: '碧谷街道残疾人之家' },
  { name: '昆明锦程家政服务有限公司东川培训部', kind: 'ENTERPRISE', townshipSuffix: '001', site: '铜都街道锦程家政培训部' },
  { name: '东川铜都工程机械驾驶培训学校', kind: 'ENTERPRISE', townshipSuffix: '002', site: '碧谷街道工程机械实训场' },
  { name: '东川区创业服务中心', kind: 'TRAINING_CENTRE', townshipSuffix: '001', site: '东川区创业孵化园' },
];

/** [institution index, trade, kind, durationDays] */
const COURSES: [number, Trade, CourseKind, number][] = [
  [0, 'ELECTRICIAN', 'MEDIUM_TERM', 90],
  [0, 'ELECTRICIAN', 'SHORT_PRACTICAL', 15],
  [0, 'WELDER', 'MEDIUM_TERM', 90],
  [0, 'WELDER', 'ORDER_BASED', 30],
  [0, 'COOK', 'MEDIUM_TERM', 90],
  [0, 'COOK', 'SHORT_PRACTICAL', 10],
  [0, 'ECOMMERCE', 'MEDIUM_TERM', 90],
  [0, 'BEAUTY', 'MEDIUM_TERM', 90],
  [0, 'CONSTRUCTION', 'DIRECTED', 45],
  [1, 'COOK', 'DIRECTED', 45],
  [1, 'SEWING', 'ORDER_BASED', 30],
  [1, 'SEWING', 'SHORT_PRACTICAL', 10],
  [1, 'DOMESTIC_SERVICE', 'SHORT_PRACTICAL', 10],
  [1, 'ELDERLY_CARE', 'MEDIUM_TERM', 90],
  [1, 'CONSTRUCTION', 'SHORT_PRACTICAL', 10],
  [1, 'CONSTRUCTION', 'PRE_JOB', 5],
  [1, 'ELECTRICIAN', 'PRE_JOB', 5],
  [1, 'WELDER', 'PRE_JOB', 5],
  [1, 'SEWING', 'PRE_JOB', 5],
  [2, 'AGRICULTURE', 'SHORT_PRACTICAL', 7],
  [2, 'AGRICULTURE', 'MEDIUM_TERM', 90],
  [2, 'AGRICULTURE', 'DIRECTED', 30],
  [3, 'SEWING', 'SHORT_PRACTICAL', 15],
  [3, 'ECOMMERCE', 'SHORT_PRACTICAL', 15],
  [3, 'BEAUTY', 'SHORT_PRACTICAL', 15],
  [4, 'DOMESTIC_SERVICE', 'ORDER_BASED', 30],
  [4, 'ELDERLY_CARE', 'ORDER_BASED', 30],
  [4, 'DOMESTIC_SERVICE', 'PRE_JOB', 5],
  [4, 'ELDERLY_CARE', 'PRE_JOB', 5],
  [4, 'DOMESTIC_SERVICE', 'MEDIUM_TERM', 90],
  [5, 'EXCAVATOR', 'MEDIUM_TERM', 90],
  [5, 'EXCAVATOR', 'SHORT_PRACTICAL', 15],
  [5, 'DRIVER', 'DIRECTED', 60],
  [5, 'DRIVER', 'PRE_JOB', 5],
  [6, 'ECOMMERCE', 'ENTREPRENEURSHIP', 10],
  [6, 'AGRICULTURE', 'ENTREPRENEURSHIP', 10],
  [6, 'COOK', 'ENTREPRENEURSHIP', 10],
  [0, 'ELECTRICIAN', 'ORDER_BASED', 30],
  [1, 'COOK', 'ORDER_BASED', 30],
  [1, 'CONSTRUCTION', 'ORDER_BASED', 20],
  [4, 'ELDERLY_CARE', 'DIRECTED', 45],
  [1, 'SEWING', 'DIRECTED', 30],
  [3, 'ECOMMERCE', 'DIRECTED', 30],
  [0, 'ELECTRICIAN', 'DIRECTED', 45],
  [4, 'COOK', 'PRE_JOB', 5],
  [3, 'ECOMMERCE', 'PRE_JOB', 5],
  [6, 'BEAUTY', 'ENTREPRENEURSHIP', 10],
];

/** Share of training places per course kind (trainees pick a kind with these weights, too). */
export const COURSE_KIND_WEIGHTS: Record<CourseKind, number> = {
  SHORT_PRACTICAL: 36,
  MEDIUM_TERM: 22,
  ORDER_BASED: 10,
  DIRECTED: 8,
  PRE_JOB: 16,
  ENTREPRENEURSHIP: 8,
};

/** Trades wished for and trained, by sex. */
export const TRADE_WEIGHTS_MALE = Weighted.of<Trade>({
  ELECTRICIAN: 15,
  WELDER: 12,
  COOK: 10,
  DOMESTIC_SERVICE: 2,
  ELDERLY_CARE: 2,
  SEWING: 2,
  EXCAVATOR: 12,
  ECOMMERCE: 9,
  AGRICULTURE: 13,
  BEAUTY: 2,
  DRIVER: 11,
  CONSTRUCTION: 10,
});
export const TRADE_WEIGHTS_FEMALE = Weighted.of<Trade>({
  ELECTRICIAN: 1,
  WELDER: 1,
  COOK: 13,
  DOMESTIC_SERVICE: 20,
  ELDERLY_CARE: 14,
  SEWING: 16,
  EXCAVATOR: 0.5,
  ECOMMERCE: 14,
  AGRICULTURE: 10,
  BEAUTY: 9,
  DRIVER: 0.5,
  CONSTRUCTION: 1,
});
/** Both sexes together (class supply). */
const TRADE_SUPPLY: Record<Trade, number> = {
  ELECTRICIAN: 8,
  WELDER: 6.5,
  COOK: 11.5,
  DOMESTIC_SERVICE: 11,
  ELDERLY_CARE: 8,
  SEWING: 9,
  EXCAVATOR: 6.3,
  ECOMMERCE: 11.5,
  AGRICULTURE: 11.5,
  BEAUTY: 5.5,
  DRIVER: 5.8,
  CONSTRUCTION: 5.5,
};

// ---------------------------------------------------------------------------------------
// The plan: reference tables plus indices
// ---------------------------------------------------------------------------------------

/**
 * An employer's group, which decides its posts' trades, titles, wages and place: local
 * enterprises (with the assistance bases), workshops (with the village factories), cooperatives,
 * employers elsewhere in the province, employers of the partner cities.
 */
export type EmployerGroup = 'ENTERPRISE' | 'WORKSHOP' | 'COOPERATIVE' | 'IN_PROVINCE' | 'PARTNER';
/** The groups of the county's own employers. */
export type LocalEmployerGroup = Extract<EmployerGroup, 'ENTERPRISE' | 'WORKSHOP' | 'COOPERATIVE'>;
/** Where a job fair's posting takes a worker. */
export type PostingGroup = 'LOCAL' | 'IN_PROVINCE' | 'OUT_OF_PROVINCE';
export const POSTING_GROUP: Readonly<Record<EmployerGroup, PostingGroup>> = {
  ENTERPRISE: 'LOCAL',
  WORKSHOP: 'LOCAL',
  COOPERATIVE: 'LOCAL',
  IN_PROVINCE: 'IN_PROVINCE',
  PARTNER: 'OUT_OF_PROVINCE',
};

const localGroups = (): Record<LocalEmployerGroup, number[]> => ({ ENTERPRISE: [], WORKSHOP: [], COOPERATIVE: [] });

export interface FairIndex {
  day: number;
  id: number;
  /** Posting ids open on the fair day, by where they take a worker. */
  open: Record<PostingGroup, number[]>;
}

export interface Plan {
  options: Required<DemoOptions>;
  today: number;
  householdCount: number;
  /** Expected share of registered households (sizing only). */
  reference: DemoReference;

  villageStart: Int32Array; // length V + 1
  villageTownship: Int32Array;
  villageLocation: string[]; // '东川区汤丹镇箐口村'
  villageAddress: string[]; // '云南省昆明市东川区汤丹镇箐口村'
  villageCommittee: string[]; // '箐口村委会'
  villageUnitId: Int32Array;
  villageCadreFirst: Int32Array; // cadre ids [first, first + count)
  villageCadreCount: Int32Array;
  villagePostFirst: Int32Array; // welfare post ids [first, first + count)
  villagePostCount: Int32Array;
  townshipNames: string[];

  /** Employer ids by township index and group. */
  localEmployers: Record<LocalEmployerGroup, number[]>[];
  /** All local employers of each group, county-wide. */
  localEmployersAll: Record<LocalEmployerGroup, number[]>;
  inProvinceEmployers: number[];
  partnerEmployers: number[];
  employerTownship: Int32Array; // by id; -1 outside the county
  employerLocation: string[]; // by id
  employerGroup: EmployerGroup[]; // by id - 1, as reference.employers

  postingDay: { from: Int32Array; until: Int32Array };
  fairs: FairIndex[];

  classStart: Int32Array; // by class id
  classEnd: Int32Array;
  classKind: CourseKind[];
  classTrade: Trade[];
  classCapacity: Int32Array;
  classDuration: Int32Array;
  classesByTrade: Map<Trade, number[]>; // class ids sorted by start
  classesByKind: Map<CourseKind, number[]>;
  classesByTradeKind: Map<string, number[]>; // key `${trade}|${kind}`
  classesByEnd: number[]; // class ids sorted by end

  batchDay: Int32Array; // by batch id
  batchPostings: number[][]; // partner posting ids per batch id
  siteTownship: Int32Array; // by site id: township index
  siteCapacity: Int32Array;
}

/** Sizes of sub-linear tables: linear up to 100k workers, then with the square root. */
export function scaledWorkers(workers: number): number {
  return workers <= 100_000 ? workers : Math.round(100_000 * Math.sqrt(workers / 100_000));
}

/** Unified social credit code (GB 32100-2015) with valid check characters (common's credit-code.ts). */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCode(kindCode: '91' | '92' | '93', region6: string, serial: number): string {
  const body = String(10_000_000 + ((serial * 104_729) % 89_999_999)).slice(0, 8);
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(body[i]) * ORG_WEIGHTS[i];
  const c9 = 11 - (s % 11);
  const org = body + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
  const first17 = kindCode + region6 + org;
  return first17 + creditCodeCheckCharacter(first17);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '183',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + pad(rng.int(100_000_000), 8);
}

function uniqueName(used: Set<string>, make: () => string, fallback: (n: number) => string): string {
  for (let i = 0; i < 20; i++) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let n = 2; ; n++) {
    const name = fallback(n);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese numeral for 1–99 (Arabic beyond). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_DIGITS[n];
  if (n < 20) return '十' + CHINESE_DIGITS[n - 10];
  if (n < 100) return CHINESE_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 === 0 ? '' : CHINESE_DIGITS[n % 10]);
  return String(n);
}

// ---------------------------------------------------------------------------------------

export function buildPlan(options: Required<DemoOptions>, householdCount: number): Plan {
  const seed = options.seed;
  const today = dayOf(options.today);
  const workers = options.workers;
  const H = householdCount;
  const scaleW = scaledWorkers(workers);

  // ---------- townships and villages
  const divRng = new Rng(seed, Domain.DIVISIONS);
  const townships: DemoTownship[] = TOWNSHIPS.map((t) => ({ code: COUNTY.code + t.suffix, name: t.name }));
  const townshipNames = townships.map((t) => t.name);
  const V = Math.max(clamp(Math.round(workers / 150), 60, 2000), Math.ceil(H / 4000));
  const totalWeight = TOWNSHIPS.reduce((s, t) => s + t.weight, 0);
  const perTownship = TOWNSHIPS.map((t) => Math.max(2, Math.floor((V * t.weight) / totalWeight)));
  let assigned = perTownship.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < V; i = (i + 1) % perTownship.length, assigned++) perTownship[i]++;

  const villages: DemoVillage[] = [];
  const villageTownshipList: number[] = [];
  const villageWeights: number[] = [];
  TOWNSHIPS.forEach((t, ti) => {
    const n = perTownship[ti];
    const communities = t.street ? clamp(Math.round(n * 0.35), 2, 12) : t.name.endsWith('乡') ? 0 : 1;
    const used = new Set<string>();
    const short = t.name.replace(/(街道|镇|乡)$/, '');
    const favourites = divRng.shuffle([...VILLAGE_FAVOURITES]).slice(0, 4);
    const communityNames = divRng.shuffle([...COMMUNITY_NAMES]);
    let nextCommunity = 1;
    let nextVillage = 201;
    for (let k = 0; k < n; k++) {
      const community = k < communities;
      let name: string;
      if (community) {
        const base = !t.street && k === 0 ? short : communityNames[k % communityNames.length];
        name = uniqueName(
          used,
          () => `${base}社区`,
          (m) => `${base}${chineseNumber(m)}社区`,
        );
      } else {
        const fav = favourites.shift();
        name = uniqueName(
          used,
          () => `${fav ?? divRng.pick(VILLAGE_FIRST) + divRng.pick(VILLAGE_SECOND)}村`,
          (m) => `${divRng.pick(VILLAGE_FIRST)}${divRng.pick(VILLAGE_FIRST)}${divRng.pick(VILLAGE_SECOND)}${m}村`,
        );
      }
      const suffix = community ? pad(nextCommunity++, 3) : pad(nextVillage++, 3);
      villages.push({ code: townships[ti].code + suffix, name, townshipCode: townships[ti].code, householdCount: 0 });
      villageTownshipList.push(ti);
      villageWeights.push((community ? 1.4 : 1) * (0.45 + divRng.next() * 1.1));
    }
  });
  const villageCount = villages.length;
  const villageStart = new Int32Array(villageCount + 1);
  {
    const total = villageWeights.reduce((a, b) => a + b, 0);
    let cum = 0;
    for (let v = 0; v < villageCount; v++) {
      villageStart[v] = Math.round((H * cum) / total);
      cum += villageWeights[v];
    }
    villageStart[villageCount] = H;
    for (let v = 0; v < villageCount; v++) villages[v].householdCount = villageStart[v + 1] - villageStart[v];
  }
  const villageTownship = Int32Array.from(villageTownshipList);
  const villageLocation = villages.map((v, i) => `${COUNTY.name}${townshipNames[villageTownship[i]]}${v.name}`);
  const villageAddress = villageLocation.map((l) => `${PROVINCE.name}${CITY.name}${l}`);
  const villageCommittee = villages.map((v) => (v.name.endsWith('社区') ? `${v.name}居委会` : `${v.name}委会`));

  // ---------- responsible units and cadres (registered households ≈ 38 %, 5–10 per cadre)
  const cadreRng = new Rng(seed, Domain.CADRES);
  const responsibleUnits: DemoResponsibleUnit[] = RESPONSIBLE_UNITS.map((name, i) => ({ id: i + 1, name }));
  const unitOrder = cadreRng.shuffle(responsibleUnits.map((u) => u.id));
  const villageUnitId = new Int32Array(villageCount);
  const villageCadreFirst = new Int32Array(villageCount);
  const villageCadreCount = new Int32Array(villageCount);
  const cadres: DemoCadre[] = [];
  for (let v = 0; v < villageCount; v++) {
    const unitId = unitOrder[v % unitOrder.length];
    villageUnitId[v] = unitId;
    const expected = villages[v].householdCount * 0.38;
    const count = villages[v].householdCount === 0 ? 0 : Math.max(1, Math.round(expected / 7.5));
    villageCadreFirst[v] = cadres.length + 1;
    villageCadreCount[v] = count;
    for (let k = 0; k < count; k++) {
      const male = cadreRng.chance(0.6);
      cadres.push({
        id: cadres.length + 1,
        name: fullName(cadreRng, male, 1968 + cadreRng.int(30)),
        unitId,
        phone: mobile(cadreRng),
        villageCode: villages[v].code,
      });
    }
  }

  // ---------- public-welfare posts: about 3 % of workers, by village size
  const postRng = new Rng(seed, Domain.WELFARE_POSTS);
  const villageKinds = Weighted.of<WelfarePostKind>({
    CLEANING: 30,
    FOREST_RANGER: 20,
    ROAD_MAINTENANCE: 14,
    SECURITY_PATROL: 9,
    LEFT_BEHIND_CARE: 8,
    INFRASTRUCTURE_CARETAKER: 12,
    CULTURE: 4,
    OFFICE_SERVICE: 3,
  });
  const communityKinds = Weighted.of<WelfarePostKind>({
    CLEANING: 35,
    FOREST_RANGER: 2,
    ROAD_MAINTENANCE: 8,
    SECURITY_PATROL: 18,
    LEFT_BEHIND_CARE: 12,
    INFRASTRUCTURE_CARETAKER: 8,
    CULTURE: 7,
    OFFICE_SERVICE: 10,
  });
  const ALLOWANCE: Record<WelfarePostKind, number> = {
    CLEANING: 6000,
    FOREST_RANGER: 8000,
    ROAD_MAINTENANCE: 6000,
    SECURITY_PATROL: 6000,
    LEFT_BEHIND_CARE: 6000,
    INFRASTRUCTURE_CARETAKER: 6000,
    CULTURE: 6000,
    OFFICE_SERVICE: 7200,
  };
  const welfarePosts: DemoWelfarePost[] = [];
  const villagePostFirst = new Int32Array(villageCount);
  const villagePostCount = new Int32Array(villageCount);
  for (let v = 0; v < villageCount; v++) {
    const x = H === 0 ? 0 : (0.03 * workers * villages[v].householdCount) / H;
    const count = Math.floor(x) + (postRng.next() < x - Math.floor(x) ? 1 : 0);
    villagePostFirst[v] = welfarePosts.length + 1;
    villagePostCount[v] = count;
    const kinds = villages[v].name.endsWith('社区') ? communityKinds : villageKinds;
    for (let k = 0; k < count; k++) {
      const kind = kinds.pick(postRng);
      const halfTime = postRng.chance(0.12);
      welfarePosts.push({
        id: welfarePosts.length + 1,
        kind,
        villageCode: villages[v].code,
        annualAllowance: halfTime ? ALLOWANCE[kind] * 0.6 : ALLOWANCE[kind],
        title: `${villages[v].name}${WELFARE_POST_KIND_LABELS[kind]}${halfTime ? '（半日岗）' : ''}`,
      });
    }
  }

  // ---------- relocation sites (易地搬迁): about 3.4 % of households relocated
  const relocationSites: DemoRelocationSite[] = [];
  const siteTownshipList: number[] = [];
  {
    const siteWeight = RELOCATION_SITES.reduce((s, r) => s + r.weight, 0);
    const expected = H * 0.034 * 1.3;
    RELOCATION_SITES.forEach((r, i) => {
      const ti = TOWNSHIPS.findIndex((t) => t.suffix === r.townshipSuffix);
      siteTownshipList.push(ti);
      relocationSites.push({
        id: i + 1,
        name: r.name,
        divisionCode: townships[ti].code,
        capacityHouseholds: Math.max(20, roundTo((expected * r.weight) / siteWeight + 5, 10)),
      });
    });
  }

  // ---------- employers
  const empRng = new Rng(seed, Domain.EMPLOYERS);
  const E = Math.max(80, Math.round(scaleW / 40));
  const employers: DemoEmployer[] = [];
  const employerLocationList: string[] = [''];
  const employerTownshipList: number[] = [-1];
  const employerGroup: EmployerGroup[] = [];
  const usedEmployerNames = new Set<string>();
  const villagesOfTownship: number[][] = TOWNSHIPS.map(() => []);
  for (let v = 0; v < villageCount; v++) villagesOfTownship[villageTownship[v]].push(v);
  const townshipWeights = TOWNSHIPS.map((_, ti) => villagesOfTownship[ti].length);
  const townshipPick = new Weighted(
    TOWNSHIPS.map((_, i) => i),
    townshipWeights,
  );
  const localEmployers = TOWNSHIPS.map(localGroups);
  const localEmployersAll = localGroups();
  const inProvinceEmployers: number[] = [];
  const partnerEmployers: number[] = [];
  const partnerEmployersByCity = new Map<string, number[]>(PARTNER_CITIES.map((c) => [c.code, []]));

  const addLocal = (kind: EmployerKind, ti: number) => {
    const vi = villagesOfTownship[ti][empRng.int(villagesOfTownship[ti].length)];
    const village = villages[vi];
    const tname = townshipNames[ti];
    const vshort = village.name;
    let name: string;
    let divisionCode: string;
    let location: string;
    let group: LocalEmployerGroup;
    switch (kind) {
      case 'POVERTY_WORKSHOP':
        name = uniqueName(
          usedEmployerNames,
          () => `${tname}${vshort}${empRng.pick(WORKSHOP_PRODUCTS)}扶贫车间`,
          (n) => `${tname}${vshort}第${chineseNumber(n)}扶贫车间`,
        );
        divisionCode = village.code;
        location = villageLocation[vi];
        group = 'WORKSHOP';
        break;
      case 'VILLAGE_FACTORY':
        name = uniqueName(
          usedEmployerNames,
          () => `东川区${vshort}${empRng.pick(FACTORY_PRODUCTS)}厂`,
          (n) => `东川区${vshort}第${chineseNumber(n)}加工厂`,
        );
        divisionCode = village.code;
        location = villageLocation[vi];
        group = 'WORKSHOP';
        break;
      case 'COOPERATIVE':
        name = uniqueName(
          usedEmployerNames,
          () => `东川区${vshort}${empRng.pick(COOPERATIVE_PRODUCTS)}专业合作社`,
          (n) => `东川区${vshort}${brand(empRng)}种养殖专业合作社${n}`,
        );
        divisionCode = village.code;
        location = villageLocation[vi];
        group = 'COOPERATIVE';
        break;
      case 'ASSISTANCE_BASE':
        name = uniqueName(
          usedEmployerNames,
          () => `东川区${tname}${brand(empRng)}${empRng.pick(BASE_PRODUCTS)}就业扶贫基地`,
          (n) => `东川区${tname}第${n}就业扶贫基地`,
        );
        divisionCode = townships[ti].code;
        location = `${COUNTY.name}${tname}`;
        group = 'ENTERPRISE';
        break;
      default:
        name = uniqueName(
          usedEmployerNames,
          () => `${empRng.pick(['云南', '昆明', '东川', '东川区'])}${brand(empRng)}${empRng.pick(LOCAL_INDUSTRIES)}有限公司`,
          (n) => `东川${brand(empRng)}${empRng.pick(LOCAL_INDUSTRIES)}有限公司${n}`,
        );
        divisionCode = townships[ti].code;
        location = `${COUNTY.name}${tname}`;
        group = 'ENTERPRISE';
    }
    const id = employers.length + 1;
    employers.push({
      id,
      name,
      kind,
      divisionCode,
      creditCode: creditCode(kind === 'COOPERATIVE' ? '93' : '91', COUNTY.code, id * 7 + ((seed >>> 0) % 9_000_000)),
    });
    employerLocationList.push(location);
    employerTownshipList.push(ti);
    employerGroup.push(group);
    localEmployers[ti][group].push(id);
    localEmployersAll[group].push(id);
  };
  const addOutside = (partnerCity: string | null) => {
    let name: string;
    let division: { code: string; location: string };
    if (partnerCity) {
      division = empRng.pick(PARTNER_DIVISIONS[partnerCity]);
      const city = PARTNER_SHORT[partnerCity];
      name = uniqueName(
        usedEmployerNames,
        () => `${city}${partnerCity === '4403' ? '市' : ''}${brand(empRng)}${empRng.pick(CITY_INDUSTRIES)}有限公司`,
        (n) => `${city}${brand(empRng)}${empRng.pick(CITY_INDUSTRIES)}有限公司${n}`,
      );
    } else {
      const d = empRng.pick(IN_PROVINCE_DIVISIONS);
      division = d;
      name = uniqueName(
        usedEmployerNames,
        () => `${d.city}${brand(empRng)}${empRng.pick([...LOCAL_INDUSTRIES, '建筑劳务', '餐饮管理', '家政服务'])}有限公司`,
        (n) => `${d.city}${brand(empRng)}实业有限公司${n}`,
      );
    }
    const id = employers.length + 1;
    employers.push({ id, name, kind: 'ENTERPRISE', divisionCode: division.code, creditCode: creditCode('91', division.code, id * 7 + ((seed >>> 0) % 9_000_000)) });
    employerLocationList.push(division.location);
    employerTownshipList.push(-1);
    employerGroup.push(partnerCity ? 'PARTNER' : 'IN_PROVINCE');
    if (partnerCity) {
      partnerEmployers.push(id);
      partnerEmployersByCity.get(partnerCity)!.push(id);
    } else inProvinceEmployers.push(id);
  };
  // one of each local group per township first, then the rest at random
  TOWNSHIPS.forEach((_, ti) => {
    addLocal('ENTERPRISE', ti);
    addLocal('POVERTY_WORKSHOP', ti);
    addLocal('COOPERATIVE', ti);
  });
  PARTNER_CITIES.forEach((c) => {
    for (let k = 0; k < 3; k++) addOutside(c.code);
  });
  for (let k = 0; k < 3; k++) addOutside(null);
  const employerKinds = Weighted.of<string>({
    POVERTY_WORKSHOP: 22,
    VILLAGE_FACTORY: 13,
    ENTERPRISE: 15,
    ASSISTANCE_BASE: 4,
    COOPERATIVE: 11,
    IN_PROVINCE: 20,
    PARTNER: 15,
  });
  while (employers.length < E) {
    const k = employerKinds.pick(empRng);
    if (k === 'IN_PROVINCE') addOutside(null);
    else if (k === 'PARTNER') addOutside(empRng.next() < PARTNER_WEIGHTS[0] ? PARTNER_CITIES[0].code : PARTNER_CITIES[1].code);
    else addLocal(k as EmployerKind, townshipPick.pick(empRng));
  }
  const employerLocation = employerLocationList;
  const employerTownship = Int32Array.from(employerTownshipList);

  // ---------- job postings
  const postRng2 = new Rng(seed, Domain.POSTINGS);
  const P = Math.max(100, Math.round(scaleW / 25));
  const jobPostings: DemoJobPosting[] = [];
  const TRADE_TITLES: Record<Trade, string[]> = {
    ELECTRICIAN: ['电工', '维修电工', '水电工'],
    WELDER: ['焊工', '电焊工', '氩弧焊工'],
    COOK: ['厨师', '帮厨', '面点师'],
    DOMESTIC_SERVICE: ['家政服务员', '育婴员', '保洁员（家政）'],
    ELDERLY_CARE: ['养老护理员', '护工'],
    SEWING: ['缝纫工', '车工', '熨烫工'],
    EXCAVATOR: ['挖掘机操作员', '装载机司机'],
    ECOMMERCE: ['电商客服', '电商主播', '网店运营'],
    AGRICULTURE: ['农业技术员', '果树管护员', '大棚种植员'],
    BEAUTY: ['美发师', '美容师', '美发助理'],
    DRIVER: ['货车司机', '送货司机', '叉车司机'],
    CONSTRUCTION: ['钢筋工', '木工', '砌筑工', '架子工'],
  };
  const GROUP_TRADES: Record<EmployerGroup, Trade[]> = {
    ENTERPRISE: ['ELECTRICIAN', 'WELDER', 'COOK', 'DRIVER', 'EXCAVATOR', 'CONSTRUCTION', 'ECOMMERCE'],
    WORKSHOP: ['SEWING', 'SEWING', 'SEWING', 'ECOMMERCE', 'AGRICULTURE', 'DRIVER'],
    COOPERATIVE: ['AGRICULTURE', 'AGRICULTURE', 'DRIVER', 'ECOMMERCE'],
    IN_PROVINCE: ['CONSTRUCTION', 'COOK', 'DOMESTIC_SERVICE', 'ELDERLY_CARE', 'DRIVER', 'ELECTRICIAN', 'WELDER', 'BEAUTY', 'EXCAVATOR'],
    PARTNER: ['ELECTRICIAN', 'WELDER', 'COOK', 'DOMESTIC_SERVICE', 'ELDERLY_CARE', 'SEWING', 'ECOMMERCE', 'DRIVER'],
  };
  const GROUP_PLAIN_TITLES: Record<EmployerGroup, string[]> = {
    ENTERPRISE: ['普工', '保洁员', '保安', '搬运工', '服务员', '仓管员'],
    WORKSHOP: ['普工', '包装工', '手工编织工', '质检员', '分拣工'],
    COOPERATIVE: ['采摘工', '种植工', '饲养员', '分拣工'],
    IN_PROVINCE: ['普工', '服务员', '保安', '保洁员', '搬运工', '装卸工'],
    PARTNER: ['普工', '流水线操作工', '分拣员', '包装工', '服务员', '仓储物流员'],
  };
  const GROUP_PLAIN_NONE: Record<EmployerGroup, number> = { ENTERPRISE: 0.22, WORKSHOP: 0.4, COOPERATIVE: 0.4, IN_PROVINCE: 0.2, PARTNER: 0.18 };
  const GROUP_PLACE: Record<EmployerGroup, EmploymentPlace> = {
    ENTERPRISE: 'IN_COUNTY',
    WORKSHOP: 'IN_TOWNSHIP',
    COOPERATIVE: 'IN_TOWNSHIP',
    IN_PROVINCE: 'OUT_OF_COUNTY_IN_PROVINCE',
    PARTNER: 'OUT_OF_PROVINCE',
  };
  const GROUP_WAGE: Record<EmployerGroup, [number, number]> = {
    ENTERPRISE: [2500, 4000],
    WORKSHOP: [1800, 3000],
    COOPERATIVE: [1600, 2800],
    IN_PROVINCE: [3200, 5500],
    PARTNER: [4500, 7500],
  };
  /** How often an employer of the group posts a job. */
  const GROUP_POSTING_WEIGHT: Record<EmployerGroup, number> = { ENTERPRISE: 1.5, WORKSHOP: 1.2, COOPERATIVE: 0.6, IN_PROVINCE: 1.5, PARTNER: 1.1 };
  const PLAIN_THRESHOLDS = ['身体健康，能吃苦耐劳', '18-55周岁，身体健康', '无经验可培训上岗', '吃苦耐劳，服从安排', '年龄不限，手脚灵活', '身体健康，能适应倒班'];
  const TRADE_THRESHOLDS = ['持相关职业资格证书优先', '有一年以上相关工作经验', '持证上岗', '经培训合格可上岗', '有相关技能，可接受学徒'];
  const EDUCATION_PHRASES: Record<Education, string> = {
    NONE: '',
    PRIMARY: '小学以上文化',
    JUNIOR_HIGH: '初中以上文化',
    SENIOR_HIGH: '高中或中专以上文化',
    COLLEGE: '大专以上学历',
  };
  const postingEmployerWeights = employers.map((e, i) => GROUP_POSTING_WEIGHT[employerGroup[i]] * (e.kind === 'ASSISTANCE_BASE' ? 0.7 : 1));
  const postingEmployer = new Weighted(
    employers.map((e) => e.id),
    postingEmployerWeights,
  );
  for (let k = 0; k < P; k++) {
    const employerId = postingEmployer.pick(postRng2);
    const group = employerGroup[employerId - 1];
    const plain = postRng2.chance(GROUP_PLAIN_NONE[group]);
    const trade: Trade | null = plain ? null : postRng2.pick(GROUP_TRADES[group]);
    const title = trade ? postRng2.pick(TRADE_TITLES[trade]) : postRng2.pick(GROUP_PLAIN_TITLES[group]);
    const eduRoll = postRng2.next();
    const minEducation: Education | null = eduRoll < 0.5 ? null : eduRoll < 0.6 ? 'PRIMARY' : eduRoll < 0.9 ? 'JUNIOR_HIGH' : eduRoll < 0.98 ? 'SENIOR_HIGH' : 'COLLEGE';
    const base = postRng2.pick(trade ? TRADE_THRESHOLDS : PLAIN_THRESHOLDS);
    const threshold = minEducation ? `${EDUCATION_PHRASES[minEducation]}，${base}` : base;
    const skills = trade
      ? `${TRADE_LABELS[trade]}相关技能${postRng2.chance(0.5) ? '，持证优先' : ''}`
      : postRng2.pick(['无需专业技能', '简单手工操作，岗前培训', '能熟练使用智能手机', '无需专业技能，包吃住']);
    const [wMin, wMax] = GROUP_WAGE[group];
    const low = roundTo(postRng2.mid(wMin, wMax - 300) * (trade ? 1.12 : 1), 100);
    const high = low + roundTo(postRng2.range(300, 1800), 100);
    const from = today - postRng2.range(10, 420);
    const until = from + postRng2.range(30, 150);
    jobPostings.push({
      id: k + 1,
      employerId,
      title,
      requiredTrade: trade,
      minEducation,
      threshold,
      skills,
      monthlyWageMin: low,
      monthlyWageMax: high,
      place: GROUP_PLACE[group],
      location: employerLocation[employerId],
      headcount: group === 'WORKSHOP' ? postRng2.range(5, 30) : postRng2.range(2, 50),
      openFrom: isoOf(from),
      openUntil: isoOf(until),
    });
  }
  const postingFrom = Int32Array.from(jobPostings.map((p) => dayOf(p.openFrom)));
  const postingUntil = Int32Array.from(jobPostings.map((p) => dayOf(p.openUntil)));

  // ---------- job fairs: monthly on-site fairs (the 25th, 逢五制度) and a few online campaigns
  const fairRng = new Rng(seed, Domain.FAIRS);
  const fairDrafts: { day: number; name: string; divisionCode: string; online: boolean }[] = [];
  for (let m = 0; m < 13; m++) {
    const y = yearOf(today);
    const month = monthOf(today) - m;
    const day = dayFromYmd(y, month, 25);
    if (day > today || day <= today - 366) continue;
    const ti = fairRng.int(townships.length);
    fairDrafts.push({
      day,
      name: `${COUNTY.name}${yearOf(day)}年${monthOf(day)}月就业扶贫专场招聘会（${townshipNames[ti]}）`,
      divisionCode: townships[ti].code,
      online: false,
    });
  }
  const campaigns: [number, number, string, boolean][] = [
    [1, 10, '“就业援助月”网络招聘会', true],
    [2, 15, '“春风行动”暨农村劳动力转移就业专场招聘会', false],
    [2, 22, '“春风行动”网络招聘会', true],
    [5, 20, '民营企业招聘月网络招聘会', true],
    [9, 15, '金秋招聘月网络招聘会', true],
  ];
  for (const [month, dom, title, online] of campaigns) {
    for (const y of [yearOf(today) - 1, yearOf(today)]) {
      const day = dayFromYmd(y, month, dom);
      if (day > today || day <= today - 366) continue;
      fairDrafts.push({ day, name: `${y}年${COUNTY.name}${title}`, divisionCode: COUNTY.code, online });
    }
  }
  fairDrafts.sort((a, b) => a.day - b.day || a.name.localeCompare(b.name));
  const jobFairs: DemoJobFair[] = fairDrafts.map((f, i) => ({ id: i + 1, name: f.name, heldOn: isoOf(f.day), divisionCode: f.divisionCode, online: f.online }));
  const fairs: FairIndex[] = fairDrafts.map((f, i) => {
    const open: Record<PostingGroup, number[]> = { LOCAL: [], IN_PROVINCE: [], OUT_OF_PROVINCE: [] };
    for (let p = 0; p < jobPostings.length; p++) {
      if (postingFrom[p] <= f.day && f.day <= postingUntil[p]) open[POSTING_GROUP[employerGroup[jobPostings[p].employerId - 1]]].push(p + 1);
    }
    return { day: f.day, id: i + 1, open };
  });

  // ---------- training: institutions, courses, classes
  const trainRng = new Rng(seed, Domain.TRAINING);
  const institutions: DemoInstitution[] = INSTITUTIONS.map((inst, i) => ({
    id: i + 1,
    name: inst.name,
    kind: inst.kind,
    divisionCode: COUNTY.code + inst.townshipSuffix,
  }));
  const KIND_SUFFIX: Record<CourseKind, string> = {
    SHORT_PRACTICAL: '短期实用技术培训班',
    MEDIUM_TERM: '中期技能培训班（3个月）',
    ORDER_BASED: '订单式培训班',
    DIRECTED: '定岗培训班',
    PRE_JOB: '岗前培训班',
    ENTREPRENEURSHIP: '创业培训班（SYB）',
  };
  const courses: DemoCourse[] = COURSES.map(([inst, trade, kind, days], i) => ({
    id: i + 1,
    institutionId: inst + 1,
    name: kind === 'ENTREPRENEURSHIP' ? `SYB创业培训班（${TRADE_LABELS[trade]}方向）` : `${TRADE_LABELS[trade]}${KIND_SUFFIX[kind]}`,
    trade,
    kind,
    durationDays: days,
  }));
  const coursesByTrade = new Map<Trade, DemoCourse[]>();
  for (const c of courses) {
    const list = coursesByTrade.get(c.trade) ?? [];
    list.push(c);
    coursesByTrade.set(c.trade, list);
  }
  const kindSupply = Weighted.of<CourseKind>(COURSE_KIND_WEIGHTS);
  const coursesByKind = new Map<CourseKind, DemoCourse[]>();
  for (const c of courses) coursesByKind.set(c.kind, [...(coursesByKind.get(c.kind) ?? []), c]);
  const expectedEnrolments = workers * 0.12;
  const slots = Math.max(200, expectedEnrolments * 1.5);
  const classDrafts: { course: DemoCourse; start: number; capacity: number; location: string }[] = [];
  let capacitySum = 0;
  const firstClassDay = today - 745;
  const lastClassDay = today + 40;
  while (capacitySum < slots) {
    const options = coursesByKind.get(kindSupply.pick(trainRng))!;
    const course = options[trainRng.weightedIndex(options.map((c) => TRADE_SUPPLY[c.trade]))];
    let start: number;
    for (;;) {
      start = trainRng.range(firstClassDay, lastClassDay);
      const month = monthOf(start);
      if ((month >= 4 && month <= 11) || trainRng.chance(0.35)) break;
    }
    const capacity =
      course.kind === 'SHORT_PRACTICAL'
        ? trainRng.range(40, 60)
        : course.kind === 'MEDIUM_TERM'
          ? trainRng.range(30, 40)
          : course.kind === 'PRE_JOB'
            ? trainRng.range(30, 80)
            : course.kind === 'ENTREPRENEURSHIP'
              ? trainRng.range(25, 35)
              : trainRng.range(20, 40);
    const inst = INSTITUTIONS[course.institutionId - 1];
    const location = course.kind === 'SHORT_PRACTICAL' && trainRng.chance(0.5) ? `${townshipNames[trainRng.int(townshipNames.length)]}便民服务中心（送培训下乡）` : inst.site;
    classDrafts.push({ course, start, capacity, location });
    capacitySum += capacity;
  }
  classDrafts.sort((a, b) => a.start - b.start || a.course.id - b.course.id);
  const classes: DemoClass[] = classDrafts.map((c, i) => ({
    id: i + 1,
    courseId: c.course.id,
    startsOn: isoOf(c.start),
    endsOn: isoOf(c.start + c.course.durationDays - 1),
    capacity: c.capacity,
    location: c.location,
  }));
  const classStart = new Int32Array(classes.length + 1);
  const classEnd = new Int32Array(classes.length + 1);
  const classCapacity = new Int32Array(classes.length + 1);
  const classDuration = new Int32Array(classes.length + 1);
  const classKind: CourseKind[] = ['SHORT_PRACTICAL'];
  const classTrade: Trade[] = ['COOK'];
  const classesByTrade = new Map<Trade, number[]>();
  const classesByKind = new Map<CourseKind, number[]>();
  const classesByTradeKind = new Map<string, number[]>();
  classDrafts.forEach((c, i) => {
    const id = i + 1;
    classStart[id] = c.start;
    classEnd[id] = c.start + c.course.durationDays - 1;
    classCapacity[id] = c.capacity;
    classDuration[id] = c.course.durationDays;
    classKind.push(c.course.kind);
    classTrade.push(c.course.trade);
    const list = classesByTrade.get(c.course.trade) ?? [];
    list.push(id);
    classesByTrade.set(c.course.trade, list);
    const byKind = classesByKind.get(c.course.kind) ?? [];
    byKind.push(id);
    classesByKind.set(c.course.kind, byKind);
    const key = `${c.course.trade}|${c.course.kind}`;
    const byTradeKind = classesByTradeKind.get(key) ?? [];
    byTradeKind.push(id);
    classesByTradeKind.set(key, byTradeKind);
  });
  const classesByEnd = classes.map((c) => c.id).sort((a, b) => classEnd[a] - classEnd[b] || a - b);

  // ---------- partner cities, bases, pushed postings, transfer batches
  const partnerRng = new Rng(seed, Domain.PARTNER);
  const labourBases: DemoLabourBase[] = [
    { id: 1, cityCode: '4403', name: '东川区驻深圳劳务输出基地', kind: 'EXPORT_BASE', address: '广东省深圳市宝安区福海街道新田大道' },
    { id: 2, cityCode: '4403', name: '东川籍在深务工人员服务站（龙岗）', kind: 'SERVICE_STATION', address: '广东省深圳市龙岗区坂田街道五和大道' },
    { id: 3, cityCode: '3205', name: '东川区驻苏州劳务输出基地', kind: 'EXPORT_BASE', address: '江苏省苏州市吴中区木渎镇金山路' },
    { id: 4, cityCode: '3205', name: '东川籍在苏务工人员服务站（昆山）', kind: 'SERVICE_STATION', address: '江苏省苏州市昆山市玉山镇前进西路' },
  ];
  const PP = Math.max(30, Math.round(scaleW / 80));
  const partnerPostings: DemoPartnerPosting[] = [];
  const PARTNER_TITLES_PLAIN = ['普工', '流水线操作工', '分拣员', '包装工', '仓储物流员', '服务员', '保安'];
  const PARTNER_TITLES_TRADE = ['电工', '焊工', '厨师', '家政服务员', '养老护理员', '缝纫工', '电商客服', '叉车司机', '质检员', 'SMT操作员'];
  for (let k = 0; k < PP; k++) {
    const city = partnerRng.next() < PARTNER_WEIGHTS[0] ? PARTNER_CITIES[0].code : PARTNER_CITIES[1].code;
    const employerId = partnerRng.pick(partnerEmployersByCity.get(city)!);
    const trade = partnerRng.chance(0.4);
    partnerPostings.push({
      id: k + 1,
      cityCode: city,
      employerName: employers[employerId - 1].name,
      title: partnerRng.pick(trade ? PARTNER_TITLES_TRADE : PARTNER_TITLES_PLAIN),
      monthlyWage: roundTo(partnerRng.mid(4500, 7500) + (trade ? 600 : 0), 100),
      headcount: partnerRng.range(5, 100),
      pushedOn: isoOf(today - partnerRng.range(3, 1220)),
      employerId,
    });
  }
  partnerPostings.sort((a, b) => (a.pushedOn < b.pushedOn ? -1 : a.pushedOn > b.pushedOn ? 1 : a.id - b.id));
  partnerPostings.forEach((p, i) => (p.id = i + 1));

  const batchRng = new Rng(seed, Domain.BATCHES);
  const B = Math.max(12, Math.ceil((workers * 0.085) / 30));
  const batchDrafts: { day: number; city: string; destination: string; baseId: number | null }[] = [];
  for (let k = 0; k < B; k++) {
    let day: number;
    if (batchRng.chance(0.45)) {
      const y = yearOf(today) - batchRng.int(3);
      day = dayFromYmd(y, 2, 8) + batchRng.int(40);
      if (day > today - 10) day = today - 10 - batchRng.int(300);
    } else day = today - batchRng.range(10, 1095);
    const cityIndex = batchRng.next() < PARTNER_WEIGHTS[0] ? 0 : 1;
    const city = PARTNER_CITIES[cityIndex].code;
    const baseRoll = batchRng.next();
    const bases = labourBases.filter((b) => b.cityCode === city);
    const baseId = baseRoll < 0.75 ? bases[0].id : baseRoll < 0.9 ? bases[1].id : null;
    batchDrafts.push({ day, city, destination: batchRng.pick(PARTNER_DIVISIONS[city]).location, baseId });
  }
  batchDrafts.sort((a, b) => a.day - b.day || a.city.localeCompare(b.city));
  const perMonth = new Map<string, number>();
  const transferBatches: DemoTransferBatch[] = batchDrafts.map((b, i) => {
    const ym = `${yearOf(b.day)}-${pad(monthOf(b.day), 2)}`;
    const seq = (perMonth.get(ym) ?? 0) + 1;
    perMonth.set(ym, seq);
    return {
      id: i + 1,
      batchNo: `${BATCH_PREFIX}-${ym}-${pad(seq, 3)}`,
      cityCode: b.city,
      departedOn: isoOf(b.day),
      destination: b.destination,
      baseId: b.baseId,
    };
  });
  const batchDay = new Int32Array(transferBatches.length + 1);
  const batchPostings: number[][] = [[]];
  const postingDays = partnerPostings.map((p) => dayOf(p.pushedOn));
  batchDrafts.forEach((b, i) => {
    batchDay[i + 1] = b.day;
    // postings pushed in the 90 days before departure (a pushed posting stays valid ~90 days);
    // else the latest ones pushed before, else the city's first ones
    let list = partnerPostings.filter((p, k) => p.cityCode === b.city && postingDays[k] <= b.day && postingDays[k] >= b.day - 90).map((p) => p.id);
    if (list.length === 0)
      list = partnerPostings
        .filter((p, k) => p.cityCode === b.city && postingDays[k] <= b.day)
        .slice(-5)
        .map((p) => p.id);
    if (list.length === 0)
      list = partnerPostings
        .filter((p) => p.cityCode === b.city)
        .slice(0, 5)
        .map((p) => p.id);
    batchPostings.push(list);
  });

  const reference: DemoReference = {
    province: { ...PROVINCE },
    city: { ...CITY },
    county: { ...COUNTY },
    townships,
    villages,
    employers,
    jobPostings,
    jobFairs,
    welfarePosts,
    relocationSites,
    responsibleUnits,
    cadres,
    institutions,
    courses,
    classes,
    partnerCities: PARTNER_CITIES.map((c) => ({ ...c })),
    labourBases,
    partnerPostings,
    transferBatches,
  };

  return {
    options,
    today,
    householdCount: H,
    reference,
    villageStart,
    villageTownship,
    villageLocation,
    villageAddress,
    villageCommittee,
    villageUnitId,
    villageCadreFirst,
    villageCadreCount,
    villagePostFirst,
    villagePostCount,
    townshipNames,
    localEmployers,
    localEmployersAll,
    inProvinceEmployers,
    partnerEmployers,
    employerTownship,
    employerLocation,
    employerGroup,
    postingDay: { from: postingFrom, until: postingUntil },
    fairs,
    classStart,
    classEnd,
    classKind,
    classTrade,
    classCapacity,
    classDuration,
    classesByTrade,
    classesByKind,
    classesByTradeKind,
    classesByEnd,
    batchDay,
    batchPostings,
    siteTownship: Int32Array.from(siteTownshipList),
    siteCapacity: Int32Array.from(relocationSites.map((s) => s.capacityHouseholds)),
  };
}
