/**
 * Chinese name tables for the demo county (东川区, 云南省昆明市): surnames weighted roughly as
 * in north-east Yunnan, given-name characters by sex and birth cohort, and the word parts of
 * village, employer and product names.
 */
import { Rng, Weighted } from './random';

/** Surname → relative frequency. Includes Yunnan surnames such as 普, 字, 保, 起, 者. */
const SURNAME_WEIGHTS: Record<string, number> = {
  李: 100,
  张: 80,
  王: 70,
  杨: 70,
  刘: 50,
  陈: 50,
  赵: 40,
  朱: 30,
  马: 30,
  罗: 30,
  黄: 25,
  何: 20,
  周: 20,
  吴: 20,
  徐: 20,
  余: 15,
  段: 15,
  邓: 15,
  孙: 15,
  胡: 15,
  高: 15,
  郭: 10,
  林: 10,
  沈: 10,
  普: 10,
  蒋: 10,
  钱: 10,
  肖: 10,
  唐: 10,
  许: 10,
  田: 10,
  彭: 10,
  袁: 10,
  付: 10,
  卢: 10,
  谢: 10,
  董: 10,
  孔: 8,
  曾: 8,
  苏: 8,
  韩: 8,
  冯: 8,
  范: 8,
  曹: 8,
  尹: 8,
  叶: 7,
  魏: 7,
  邹: 6,
  蔡: 6,
  丁: 6,
  鲁: 6,
  吕: 6,
  殷: 5,
  龚: 5,
  万: 5,
  施: 5,
  毛: 5,
  钟: 5,
  姚: 5,
  雷: 5,
  敖: 4,
  保: 4,
  字: 4,
  自: 4,
  崔: 4,
  耿: 3,
  浦: 3,
  起: 3,
  番: 2,
  者: 2,
};

export const SURNAMES = Weighted.of(SURNAME_WEIGHTS);

/** Given-name characters per birth cohort. */
interface Cohort {
  until: number; // birth year (inclusive)
  male: string;
  female: string;
}

const COHORTS: Cohort[] = [
  { until: 1959, male: '国建明华文志德富贵学正兴荣发有才林福金永成忠秀云昌光开家树', female: '秀英兰桂芳珍凤翠菊琼梅芬玉花春美仙娥莲银香淑琴会粉' },
  { until: 1979, male: '建军伟勇强平林华明春涛斌刚波辉云海东红卫国志忠兵文武荣德祥昆', female: '丽芳红艳燕琴霞萍敏娟梅芬英慧静春华秀玲莉凤琼云仙会美' },
  { until: 1994, male: '杰鹏涛磊超浩宇凯俊飞龙强文斌阳洋健刚波亮峰勇锋平辉旭东坤', female: '婷雪倩丹敏静琳娜颖佳蕾梦媛洁燕艳丽芳霞娟慧琴玲萍红莉' },
  { until: 2008, male: '浩宇轩睿博泽晨嘉俊辰航杰鑫磊涛鹏飞龙豪楠阳康凯文斌翔', female: '欣梓涵诗雨萱可怡思语若佳悦妍雪婷琪瑶倩丹蕾静颖娜月' },
  { until: 9999, male: '子梓浩宇轩睿博泽一晨嘉俊辰逸航铭皓宸奕煜沐安承锦昊', female: '欣梓涵诗雨萱可怡思语若佳悦妍沐梦瑾汐芷伊依一安紫' },
];

/** A given name of 1 (20 %) or 2 characters for the sex and birth year. */
export function givenName(rng: Rng, male: boolean, birthYear: number): string {
  let cohort = COHORTS[COHORTS.length - 1];
  for (const c of COHORTS) {
    if (birthYear <= c.until) {
      cohort = c;
      break;
    }
  }
  const chars = male ? cohort.male : cohort.female;
  const first = chars[rng.int(chars.length)];
  if (rng.next() < 0.2) return first;
  let second = chars[rng.int(chars.length)];
  if (second === first && rng.next() < 0.7) second = chars[rng.int(chars.length)];
  return first + second;
}

export function fullName(rng: Rng, male: boolean, birthYear: number): string {
  return SURNAMES.pick(rng) + givenName(rng, male, birthYear);
}

/** First and second parts of village names (…村) and community names (…社区). */
export const VILLAGE_FIRST = [
  '新',
  '大',
  '小',
  '上',
  '下',
  '中',
  '红',
  '白',
  '黑',
  '青',
  '松',
  '龙',
  '马',
  '石',
  '水',
  '铜',
  '金',
  '银',
  '沙',
  '花',
  '竹',
  '杨',
  '李',
  '田',
  '岔',
  '坪',
  '箐',
  '营',
  '河',
  '山',
  '落',
  '鹅',
  '桃',
  '梨',
  '麦',
  '菜',
  '岩',
  '木',
  '古',
  '双',
  '三',
  '四',
  '五',
  '九',
  '老',
  '半',
  '法',
  '舍',
  '者',
  '块',
];
export const VILLAGE_SECOND = [
  '村',
  '坪',
  '箐',
  '营',
  '河',
  '沟',
  '山',
  '田',
  '塘',
  '坝',
  '口',
  '湾',
  '寨',
  '岩',
  '冲',
  '哨',
  '地',
  '厂',
  '房',
  '街',
  '树',
  '林',
  '溪',
  '桥',
  '庄',
  '乐',
  '拉',
  '期',
  '德',
  '木',
];
/** Real-sounding village names placed first. */
export const VILLAGE_FAVOURITES = ['新村', '箐口', '新田', '岔河', '水槽', '松坪', '法者', '红山', '大村', '中村', '舍块', '落雪'];
export const COMMUNITY_NAMES = ['起嘎', '碧谷', '铜都', '集义', '达德', '新村', '桃园', '花园', '紫云', '东源', '明月', '博海'];

/** Two-character trade-name syllables for companies. */
export const BRAND_CHARS = '鑫恒宏华泰瑞盛达源丰祥顺佳兴隆金铜创联科嘉润通和康汇信诚昌锦亿宇天翔';

export function brand(rng: Rng): string {
  const a = BRAND_CHARS[rng.int(BRAND_CHARS.length)];
  let b = BRAND_CHARS[rng.int(BRAND_CHARS.length)];
  while (b === a) b = BRAND_CHARS[rng.int(BRAND_CHARS.length)];
  return a + b;
}

export const WORKSHOP_PRODUCTS = ['服装加工', '竹编', '电子元件组装', '手套加工', '鞋帽加工', '民族刺绣', '中药材初加工', '食品加工', '假发制作', '箱包加工', '玩具组装', '藤编'];
export const FACTORY_PRODUCTS = ['食用菌', '花椒加工', '核桃加工', '砖', '农产品加工', '石榴分拣', '饲料', '木制品', '粉丝', '豆制品'];
export const COOPERATIVE_PRODUCTS = ['石榴种植', '核桃种植', '花椒种植', '蔬菜种植', '中药材种植', '肉牛养殖', '生猪养殖', '山羊养殖', '蜜蜂养殖', '青花椒种植'];
export const LOCAL_INDUSTRIES = ['建材', '矿业', '物流', '酒店管理', '建筑工程', '农业开发', '电子科技', '食品', '商贸', '物业服务', '运输', '铜业'];
export const CITY_INDUSTRIES = ['电子科技', '精密制造', '物流', '服装', '酒店管理', '物业管理', '食品', '汽车配件', '光电', '包装', '家具', '建筑劳务'];
export const BASE_PRODUCTS = ['现代农业', '石榴产业', '中药材', '畜牧', '蔬菜', '花卉'];

/** Names of self-organised (non-registry) jobs. */
export const FLEXIBLE_JOBS = ['灵活就业（建筑零工）', '灵活就业（农忙季节零工）', '灵活就业（搬运零工）', '灵活就业（餐饮帮工）', '灵活就业（装修零工）', '灵活就业（采摘零工）'];
export const SELF_EMPLOYED_JOBS = [
  '个体经营（小卖部）',
  '个体经营（货运）',
  '个体经营（餐馆）',
  '个体经营（网店）',
  '个体经营（农机服务）',
  '个体经营（摩托车修理）',
  '个体经营（养殖大户）',
  '个体经营（理发店）',
];
export const FARMING_JOBS = ['自主种植（核桃、花椒）', '自主养殖（生猪）', '自主种植（石榴）', '自主养殖（肉牛）', '自主种植（蔬菜）'];
