/**
 * Figures stated in prose (reference §7; the curators' brief says how each is recorded): proactive disclosure
 * and its channels, requests received and handled with carry-over and outcomes, reviews and lawsuits, fees,
 * normative documents, interpretations, licensing and penalty decisions, and changes on the previous year.
 *
 * Each sentence is split into clauses at commas, colons and semicolons outside brackets. A count is only taken
 * when the words just before it (its own part of the clause) say what it counts; a count that belongs to the
 * whole jurisdiction in a body's own report, a daily average, a cumulative total or a category of a breakdown
 * is left out, with a warning where a curator might expect it.
 */
import { changeKey } from '../core/changes.ts';
import type { Qualifier } from '../core/schema.ts';
import type { Evidence, Proposals } from './figures.ts';

export interface NarrativeContext {
  /** Report year, for the fee key of the era and to spot a year printed as a count (T6). */
  year: number | null;
  /** True for reports under the 2007 regulations (fees and 申诉 have their own keys there). */
  legacy: boolean;
  /** In a body's own report (agency), counts of the whole jurisdiction or of other bodies are not its own. */
  scope: 'agency' | 'system' | 'unknown';
  /** A government's report: its portal is its own website. */
  government: boolean;
}

interface Count {
  start: number;
  end: number;
  value: number;
  qualifier: Qualifier;
  unit: string;
  raw: string;
  /** Inside brackets: an aside such as a breakdown or an example list. */
  aside: boolean;
}

// A count: approximation word, digits, 万 and 余/多, a unit, 左右/以上 (§7.2 NUM and APPROX). 万余条 without
// digits is ten thousand or more.
const COUNT =
  /(约|近|逾|超过)?(?<![\d.A-Za-z])(\d+(?:\.\d+)?|(?=万[余多]))(余|多)?(万)?(余|多)?(个百分点|%|人次|条次|件次|批次|篇次|条|篇|件|宗|起|次|项|个|份|则|例|元|部|期|场|封|张|余次|家)(左右|以上)?/g;
// 「信息数170,」: a count whose unit is the 数 before it.
const BARE_COUNT = /(?<=数)(\d+)(?=[,。;])/g;
// A count followed by one of these nouns counts rules, tasks or columns, not items (「13项制度」).
const NOT_ITEMS =
  /^(制度|措施|举措|工作|任务|要求|栏目|专栏|目录|指标|问题|清单|方面|领域|类别|大类|个?工作日|个?专题|个?板块|个?账号|家|所|名|人|行政职权|职权|事项|服务事项|依申请办理|政务服务|套餐|场次)/;

function timesTenThousand(digits: string): number {
  const [int = '0', frac = ''] = digits.split('.');
  const padded = frac.padEnd(4, '0');
  return Number(`${int}${padded.slice(0, 4)}.${padded.slice(4) || '0'}`);
}

function counts(sentence: string, bare: string): Count[] {
  const found = [...sentence.matchAll(COUNT)].map((m): Count => {
    const [raw, pre, digits = '', more1, wan, more2, unit = '', post] = m;
    const qualifier: Qualifier =
      pre === '约' || post === '左右'
        ? 'about'
        : pre === '近'
          ? 'nearly'
          : pre === '逾' || pre === '超过' || more1 || more2 || post === '以上'
            ? 'at_least'
            : 'exact';
    const base = digits === '' ? '1' : digits;
    const value = wan ? timesTenThousand(base) : Number(base);
    const start = m.index + (pre?.length ?? 0);
    return { start, end: m.index + raw.length, value, qualifier, unit, raw, aside: bare[start] === '·' };
  });
  for (const m of sentence.matchAll(BARE_COUNT)) {
    found.push({ start: m.index, end: m.index + m[0].length, value: Number(m[0]), qualifier: 'exact', unit: '', raw: m[0], aside: false });
  }
  // 「七大类48项信息共8989条」: a count that only describes the noun before the next count is not a count.
  const modifier = (c: Count) => /^(项|个|类)$/.test(c.unit) && /^[\u4e00-\u9fff]{1,8}(共|合计|计)?\d/.test(sentence.slice(c.end));
  // 「第20条」 is an article, 「第2期」 an issue: ordinals are not counts.
  const ordinal = (c: Count) => sentence[c.start - 1] === '第';
  return found.filter((c) => !NOT_ITEMS.test(sentence.slice(c.end)) && !modifier(c) && !ordinal(c)).sort((a, b) => a.start - b.start);
}

/** The sentence with bracketed asides blanked out (same length, so offsets still match). */
function maskAsides(sentence: string): string {
  let depth = 0;
  return [...sentence]
    .map((ch) => {
      if (ch === '(') depth++;
      const masked = depth > 0 ? '·' : ch;
      if (ch === ')' && depth > 0) depth--;
      return masked;
    })
    .join('');
}

/** Clauses are separated by commas, colons and semicolons outside brackets (full-width forms are folded). */
function clauseAround(bare: string, at: number): { start: number; end: number; text: string } {
  const before = bare.slice(0, at);
  const start = Math.max(before.lastIndexOf(','), before.lastIndexOf(':'), before.lastIndexOf(';')) + 1;
  const rest = bare.slice(at).search(/[,:;]/);
  const end = rest < 0 ? bare.length : at + rest;
  return { start, end, text: bare.slice(start, end) };
}

function sections(lines: readonly string[]): { locator: string; heading: string }[] {
  let top = '';
  let sub = '';
  let heading = '';
  return lines.map((line) => {
    const head = /^([一二三四五六七八九十]+)、/.exec(line);
    if (head?.[1]) {
      top = head[1];
      sub = '';
      heading = line.slice(0, 30);
    }
    const part = /^\(([一二三四五六七八九十]+)\)/.exec(line);
    if (part?.[1]) {
      sub = part[1];
      heading = line.slice(0, 30);
    }
    return { locator: top === '' ? 'narrative' : `${top}${sub === '' ? '' : `(${sub})`} narrative`, heading };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary.

// Words that make a number a change on the previous year, not a count (「比上年增加30件」, 「同比增长12.5%」).
const CHANGE =
  /(较|比|同比|环比|相比)[^,;。]{0,12}?(增加|增长|减少|下降|上升|上涨|提高|降低|回落|下滑|增多|多|少)了?(约|近)?$|(增加|增长|减少|下降|上升|上涨|提高|降低|下滑)了?(约|近)?$|第$/;
const DECREASE = /(减少|下降|降低|回落|下滑|少)了?(约|近)?$/;
// Counts of things that are not disclosure figures (T4): hotline calls, consultations, letters, mailbox.
const NOT_DISCLOSURE = /热线|12345|投诉|咨询|信访|信箱|来信|留言|举报|建议|提案|人次|来电|诉求|工单/;
const CUMULATIVE = /历年|至今|建站以来|开通以来|运行以来|累计至|截至目前|截止目前|上线以来|成立以来/;
// The year's own additions, beside a cumulative count (「本年度新增…295条」, 「2022年新增的…30条」).
const NEW_THIS_YEAR = /(本年度?|今年|当年|年内|全年|\d{4}年度?)新增(的)?/;
const AVERAGE = /日均|月均|周均|平均每|每天|每日|每月|每周/;
// The whole jurisdiction or other bodies as the subject: not the body's own figures in an agency report.
const JURISDICTION =
  /全(市|区|县|省|州|盟|旗)(?!委|政府办|人大|总体)|各(县|区|市|乡|镇|街道|部门|单位|地)|县区|县\(市、区\)|市级各|区级各|各级各|下属单位|所属单位|直属单位|系统内|全系统|市直各|区直各|县直各/;
const OWN = /我(局|委|办|厅|院|中心|单位|部)|本(局|委|办|厅|机关|单位)|局机关|委机关/;
/** A sentence that opens with the jurisdiction or its bodies as subject (after a year or a heading). */
const JURISDICTION_OPENING =
  /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]?[^,;。]{0,12}?)?(?:\d{4}年度?,?)?(?:全(?:市|区|县|省|州|盟|旗)|各(?:县|区|市|乡|镇|街道|部门|单位|地)|市级各|区级各|县直各|市直各|交通运输市级各)[^,;。]*/;

const PROACTIVE_VERB = /公开|公示|公布|发布|推送|产生|刊发|刊登|更新|上传|推出|编发|发稿|刊播|播发|报道|转发|转载|新增|发出/g;
// Words that make a count something other than items published, looked for in what the count counts.
const PROACTIVE_SKIP =
  /目录|申请|复议|诉讼|收费|费用|订阅|粉丝|关注|访问|浏览|点击|阅读|回复|答复|回应|培训|会议|发布会|通气会|访谈|审核|审查|报送|上报|征集|整改|问题|意见|纠错|短信|办件|事项|政策解读|解读|账号|评论|互动|活动|直播|提案|建议|报告会|宣讲|照片|图片/;
// Several channels named together, or channels left open (等渠道, 及其他): the count spans channels.
const SPREAD =
  /等(渠道|平台|形式|方式|途径|载体)|各(级|类)?(政府)?(门户|网站|平台)|各类?渠道|多渠道|多种渠道|不同渠道|全渠道|渠道和方式|多种方式|各种方式|不同方式|多种形式|各信息发布|各类平台|多平台|线上线下/;

type Channel = 'own_site' | 'portal' | 'wechat' | 'weibo' | 'app' | 'media' | 'other';

const CHANNELS: readonly [Channel, RegExp][] = [
  // 「微博公众号」 is the Weibo account.
  ['wechat', /微信|(?<!微博)公众号|公众平台|服务号|订阅号/g],
  ['weibo', /微博|官微/g],
  ['app', /(?<!微博|微信)客户端|(?<![A-Za-z])app(?![A-Za-z])|移动端/gi],
  // 政务新媒体, 头条号, 抖音: new media other than WeChat and Weibo, which no channel key holds.
  // A named outlet (日报, 电视台, 新华社) is one outlet, not the media channel the report totals.
  [
    'other',
    /新媒体|自媒体|融媒体|双微|头条|南方号|[\u4e00-\u9fff]{2,}(日报|晚报|电视台|广播电视台|电台|新闻网)|新华社|人民网|新华网|央视|澎湃号|网易号|大鱼号|搜狐号|人民号|抖音|快手|视频号|小程序|短视频|学习强国|百家号|企鹅号|电子屏|显示屏|公开栏|宣传栏|公告栏|查阅点|查阅场所|公示栏|政务公开专区|公报/g,
  ],
  // 「日报刊发」 is a paper's name and a verb, not 报刊.
  ['media', /(?<!新|自)媒体|(?<![日晚])报刊|报纸|纸媒|电视|广播/g],
  [
    'own_site',
    /网站|网页|门户|官网|(?<=[局委厅办])外网(?!络)|公开平台|公开专栏|信息公开栏目|公开系统|(政务|政府|公开|信息|商务|之窗|在线)网(?!站)|(?<=[\u4e00-\u9fff]{2})网(?![络格友民点上站页信购])(?<!挂网|上网|联网|入网|全网|内网|外网|电网|管网|水网|路网|联网|光网)/g,
  ],
];

function channelMentions(segment: string): { channel: Channel; at: number; end: number }[] {
  const all = CHANNELS.flatMap(([channel, pattern]) =>
    [...segment.matchAll(pattern)].map((m) => ({ channel, at: m.index, end: m.index + m[0].length })),
  );
  // A word inside another channel's word does not count twice (「新华社」 is one outlet).
  const words = all
    .sort((a, b) => a.at - b.at || b.end - a.end)
    .filter((m, i, sorted) => !sorted.slice(0, i).some((o) => o.at <= m.at && o.end >= m.end));
  const merged: { channel: Channel; at: number; end: number }[] = [];
  for (const m of words) {
    const previous = merged.at(-1);
    // 「微信公众号」 is one mention; 「人民政府网站微博」 is the government's Weibo account, not its site.
    if (previous && previous.channel === m.channel && m.at - previous.end <= 1) {
      previous.end = m.end;
      continue;
    }
    if (previous && previous.channel === 'own_site' && m.channel !== 'other' && m.at === previous.end) {
      merged[merged.length - 1] = { ...m };
      continue;
    }
    merged.push({ ...m });
  }
  return merged;
}

/** Government portal or the body's own site, from the words around the site word. */
function siteKind(segment: string, at: number): 'own_site' | 'portal' {
  const site = segment.slice(Math.max(0, at - 14), at + 4);
  const own =
    (/(局|委|厅|部|办|机关|单位|中心|所|院)(门户|官方|政务)?(网站|官网|网)/.test(site) && !/政府(门户)?网/.test(site)) ||
    // 「我部政府门户网站」: the body's own portal.
    /(我|本)(部|局|委|厅|署|院)(政府)?(门户)?网/.test(site);
  if (own || /官网/.test(site)) return 'own_site';
  // 「市政府信息公开平台」: the government's platform, where the body's items go beside its own site.
  return /门户|政府网|政务网|人民政府|(省|市|区|县|州)政府(信息公开|政务公开)?(平台|专栏)/.test(site) ? 'portal' : 'own_site';
}

// What a proactive count counts, once verbs, channels and filler words are removed: only information in
// general is a disclosure count; 「工作动态97篇」 or 「重点项目信息120条」 is a category (T3).
const FILLER =
  /^总?量|共计|合计|总计|累计|共有|共|计|达到|达|已经|已|约|近|逾|超过|各类|各项|各种|相关|方面|了|的|政府|政务|主动|公开|发布|上|中|里|内(?!容)|站|号|全年|本年度|本年|年内|全部|信息数量|数量|总数|有关|重要|等|及时|依法|向社会|社会|本单位|本机关|本部门|本级/g;
const GENERAL = /^(信息|条目|信息数|信息总数|内容|资讯|政府资讯)?$/;
// Topics that make an information count a category of the whole.
const CATEGORY =
  /动态|疫情|防控|重点|领域|专题|会议|人事|规划|计划|预算|决算|公告|公示|通知|招标|采购|项目|概况|机构|文件|法规|解读|图片|视频|要闻|新闻|宣传|民生|扶贫|乡村|督查|建议|提案|权威|目录|互动|回应|服务|办事|便民/;
const CHANNEL_OBJECT =
  /^(动态信息|信息|信息数|条目|信息动态|内容|资讯|稿件|文章|新闻|新闻稿件|新闻报道|报道|作品|推文|图文|消息|微博|微信|信息和资讯|宣传稿件|各类资讯|政务资讯)?(数|数量)?$/;

const ZERO = { value: 0, qualifier: 'exact' as const };

/** The fee key of the report's era. */
const feeKeyOf = (ctx: NarrativeContext) => (ctx.legacy ? 'fees.legacy.amount_yuan' : 'fees.info_processing.collected_yuan');

// Single rows of the section 三 table stated in prose, by the words of the row (the groups' sums come after).
const OUTCOME_ROWS: readonly (readonly [RegExp, string])[] = [
  [/国家秘密/, 'withheld.state_secret.total'],
  [/法律(行政)?法规禁止/, 'withheld.law_prohibited.total'],
  [/三安全一稳定/, 'withheld.security_stability.total'],
  [/第三方合法权益|商业秘密|个人隐私/, 'withheld.third_party.total'],
  [/内部事务/, 'withheld.internal_affairs.total'],
  [/过程性信息/, 'withheld.process_info.total'],
  [/行政执法案卷/, 'withheld.enforcement_file.total'],
  [/行政查询事项/, 'withheld.admin_query.total'],
  [/另行制作|没有现成信息/, 'unable.needs_creation.total'],
  [/仍不明确|内容不明确/, 'unable.unclear.total'],
  [/信访举报投诉/, 'not_processed.petition_complaint.total'],
  [/重复申请/, 'not_processed.repeat.total'],
  [/公开出版物/, 'not_processed.publication.total'],
  [/大量反复/, 'not_processed.excessive.total'],
  [/确认或重新出具/, 'not_processed.confirm_reissue.total'],
];

// Keys whose stated changes on the previous year are recorded as figures of their own (brief; metrics.csv has
// their <base>.change and <base>.change_pct keys, named by core's changeKey).
export const CHANGE_BASES: ReadonlySet<string> = new Set([
  'proactive.total',
  'proactive.website',
  'requests.new.total',
  'requests.handled',
  'requests.narrative.total',
  'appeals.review.total',
  'appeals.litigation.total',
]);

// ---------------------------------------------------------------------------------------------------------

/** Reads one report's prose. Site counts are held back until the end to decide website against portal. */
export function readNarrative(lines: readonly string[], ctx: NarrativeContext, out: Proposals): void {
  const where = sections(lines);
  const sites: { kind: 'own_site' | 'portal'; count: Count; locator: string; confidence: number; evidence: Evidence }[] = [];
  const handled: { count: Count; locator: string; evidence: Evidence }[] = [];
  const feeKey = feeKeyOf(ctx);
  let leadIn = '';
  // The bases of stated changes taken in the sentence before, in the same paragraph (「…申请195件,…。同比增长53.5%」).
  let previousBases: string[] = [];

  lines.forEach((line, index) => {
    const { locator, heading } = where[index] ?? { locator: 'narrative', heading: '' };
    if (line.includes('|')) return;
    const text = line.replace(/\s+/g, '').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
    // A sentence is about requests when it says 申请, or continues a paragraph or a section about them with the
    // words of their handling (「转结下年度办理1件。」).
    let previousAboutRequests = false;
    leadIn = '';
    previousBases = [];
    for (const sentence of text.split(/(?<=[。!?])/)) {
      const handling = /结转|转结|办结|答复|予以公开|不予公开|无法提供|不予处理|部分公开|转办|顺延/.test(sentence);
      const aboutRequests: boolean = /申请|依申/.test(sentence) || (handling && (previousAboutRequests || /依申请|申请/.test(heading)));
      readSentence(sentence, locator, aboutRequests);
      previousAboutRequests = aboutRequests;
      // 「依托政府网站抓好政府信息全面发布。全年共发布信息1181条。」: a short sentence without numbers that names one
      // site leads into the next sentence's count.
      const sites = channelMentions(sentence).filter((m) => m.channel === 'own_site' || m.channel === 'portal');
      leadIn =
        !/\d/.test(sentence) &&
        sentence.length <= 40 &&
        channelMentions(sentence).length === 1 &&
        sites.length === 1 &&
        !SPREAD.test(sentence)
          ? sentence
          : '';
    }
  });

  const hasOwn = sites.some((s) => s.kind === 'own_site');
  for (const s of sites) {
    const metric = s.kind === 'portal' && hasOwn ? 'proactive.portal' : 'proactive.website';
    out.add({
      metric,
      value: s.count.value,
      qualifier: s.count.qualifier,
      locator: s.locator,
      confidence: s.confidence,
      evidence: s.evidence,
    });
  }
  // 「办理/办结N件」 is a figure of its own only when the report states no count of requests received (brief).
  if (!out.get('requests.new.total') && !out.get('requests.narrative.total')) {
    for (const h of handled)
      out.add({ metric: 'requests.handled', ...pick(h.count), locator: h.locator, confidence: 0.6, evidence: h.evidence });
  }

  function readSentence(sentence: string, locator: string, aboutRequests: boolean): void {
    if (!/\d|未|无|没有|不存在|均未/.test(sentence)) return;
    const bare = maskAsides(sentence);
    const used = new Set<number>();
    // Which metric each count of this sentence went to, for the changes stated after them.
    const assigned = new Map<number, string>();
    const evidence = (c: Pick<Count, 'start' | 'end'>): Evidence => ({ text: sentence, start: c.start, end: c.end });
    const take = (metric: string, c: Count, confidence: number) => {
      used.add(c.start);
      assigned.set(c.start, metric);
      out.add({ metric, ...pick(c), locator, confidence, evidence: evidence(c) });
    };
    const zero = (metric: string, at: number, confidence: number) =>
      out.add({ metric, ...ZERO, locator, confidence, evidence: { text: sentence, start: at, end: at } });

    const all = counts(sentence, bare).filter((c) => {
      if (
        c.unit !== '元' &&
        c.unit !== '%' &&
        ctx.year !== null &&
        Number.isInteger(c.value) &&
        Math.abs(c.value - ctx.year) <= 1 &&
        c.raw.length >= 5 &&
        // 「申请件2025件(包含上年结转71件)」 counts requests.
        !/^[^,;。]{0,3}\((含|包含|包括)/.test(sentence.slice(c.end, c.end + 8))
      ) {
        out.warn(`${locator}: "${c.raw}" looks like a year printed as a count; not taken`);
        return false;
      }
      // 「5.1余条」: a count of items is a whole number unless 万 multiplied it out (a re-typed 5.1万).
      if (!Number.isInteger(c.value) && /^(条|件|篇|项|个|宗|份|起)$/.test(c.unit)) {
        out.warn(`${locator}: "${c.raw}" is not a whole number of items (万 missing?); not taken`);
        return false;
      }
      return true;
    });
    const isChange = (c: Count) => c.unit === '%' || c.unit === '个百分点' || CHANGE.test(bare.slice(Math.max(0, c.start - 16), c.start));
    const plain = all.filter((c) => !isChange(c));

    // The jurisdiction's counts in a body's own report (「市级各部门、各县区…公开政府信息2600余条」).
    // The subject is in the count's own clause, or opens the sentence (「全区各公开机构…通过专栏主动公开…,受理…申请
    // 813件」); 「围绕全区教育工作,在门户网站发布…」 names the district without making it the subject.
    const opening = JURISDICTION_OPENING.exec(bare)?.[0] ?? '';
    for (const c of plain) {
      if (ctx.scope !== 'agency') break;
      const lead = `${opening}${bare.slice(clauseAround(bare, c.start).start, c.start)}`;
      const subject = lead.search(JURISDICTION);
      if (subject >= 0 && !OWN.test(lead.slice(subject)) && !/申请人|群众|公众|企业/.test(lead.slice(subject, subject + 6))) {
        used.add(c.start);
        out.warn(
          `${locator}: "${c.raw}" counts the whole jurisdiction or other bodies (${lead.slice(subject, subject + 6)}…), not this body's own work; not taken`,
        );
      }
    }
    for (const c of plain) {
      if (used.has(c.start)) continue;
      const clause = clauseAround(bare, c.start);
      if (AVERAGE.test(bare.slice(clause.start, c.start))) {
        used.add(c.start);
        out.warn(`${locator}: "${c.raw}" is an average (日均/月均), not a count for the year; not taken`);
      }
    }

    fees(sentence, bare, plain, used, take, zero, locator);
    appeals(sentence, bare, plain, used, take, zero, locator);
    requests(sentence, bare, plain, used, take, zero, locator, aboutRequests);
    decisions(bare, plain, used, take, zero);
    documents(bare, plain, used, take, zero);
    proactive(bare, plain, used, take, locator, evidence, assigned);
    asideChannels(sentence, plain, used, take);
    changes(bare, all.filter(isChange), plain, assigned, take, zero);
    previousBases = [...assigned.values()].filter((m) => CHANGE_BASES.has(m));

    for (const c of plain) {
      if (!used.has(c.start) && NOT_DISCLOSURE.test(clauseAround(bare, c.start).text) && !/申请/.test(sentence)) {
        out.warn(`${locator}: skipped "${c.raw}" (hotline, consultation, complaint, letter or mailbox count; not a disclosure figure)`);
      }
    }
  }

  type Take = (metric: string, c: Count, confidence: number) => void;
  type Zero = (metric: string, at: number, confidence: number) => void;

  /**
   * Changes on the previous year belong to the count just before them in the same sentence (brief:
   * <base>.change and <base>.change_pct, signed); 「与上年持平」 is a change of 0.
   */
  function changes(bare: string, changed: Count[], plain: Count[], assigned: Map<number, string>, take: Take, zero: Zero): void {
    for (const c of changed) {
      if (c.unit === '个百分点') continue;
      // A bracketed aside (「(含上年结转31件)」) is not what the change is about.
      const before = plain.filter((p) => p.end <= c.start && (!p.aside || c.aside)).at(-1);
      if (!before) {
        orphanChange(bare, c, take);
        continue;
      }
      const base = assigned.get(before.start);
      if (!base || !CHANGE_BASES.has(base)) continue;
      const lead = bare.slice(before.end, c.start);
      // A percentage is a change only when words of change stand between it and its count (not 「占3.3%」).
      if (!CHANGE.test(lead) || /占|率|比例|比重/.test(lead)) continue;
      const sign = DECREASE.test(lead) ? -1 : 1;
      take(changeKey(base, c.unit === '%' ? 'change_pct' : 'change'), { ...c, value: sign * c.value }, 0.7);
    }
    for (const m of bare.matchAll(/(与|和|同)(上年|去年|上一年|\d{4}年)(度)?(相比)?(基本)?持平/g)) {
      const before = plain.filter((p) => p.end <= m.index).at(-1);
      const base = before ? assigned.get(before.start) : undefined;
      if (before && base && CHANGE_BASES.has(base)) zero(changeKey(base, 'change'), m.index, 0.6);
    }
  }

  /**
   * A joint count split by channel in brackets (「“双微”推文1541条(微信公众号发文709篇,微博发布832条)」): each part
   * names one new-media channel and what it published, so it is that channel's count.
   */
  function asideChannels(sentence: string, all: Count[], used: Set<number>, take: Take): void {
    for (const c of all) {
      if (!c.aside || used.has(c.start) || !/^(条|篇|则|)$/.test(c.unit)) continue;
      const previous = all.filter((o) => o.end <= c.start).at(-1);
      const from = Math.max(sentence.lastIndexOf('(', c.start), previous?.end ?? 0, sentence.slice(0, c.start).search(/[,、;][^,、;]*$/));
      const segment = sentence.slice(from + 1, c.start);
      const mentions = channelMentions(segment);
      const channel = mentions[0]?.channel;
      if (mentions.length !== 1 || (channel !== 'wechat' && channel !== 'weibo' && channel !== 'app')) continue;
      if (!new RegExp(PROACTIVE_VERB.source).test(segment) && !/发文|推文/.test(segment)) continue;
      if (out.get(`proactive.${channel}`) || PROACTIVE_SKIP.test(segment.slice(mentions[0]?.end ?? 0))) continue;
      take(`proactive.${channel}`, c, 0.65);
    }
  }

  /**
   * A change with no count before it in its sentence: of the requests when its own words name them (「申请量同比增长
   * 42.9%」), else of the one count the sentence before stated a change could be about (「…收到申请195件,上年结转3件。
   * 同比增长53.5%」); with several such counts before it, nobody can tell which.
   */
  function orphanChange(bare: string, c: Count, take: Take): void {
    const lead = bare.slice(0, c.start);
    if (!CHANGE.test(lead.slice(-16)) || /占|率|比例|比重/.test(lead)) return;
    const ownWords = lead.slice(clauseAround(bare, c.start).start);
    const base = /申请(量|数量|数|件数|总量)/.test(ownWords)
      ? out.get('requests.new.total') && 'requests.new.total'
      : /^[^\d,;。]{0,6}(同比|较上年|比上年|与上年相比|较去年|比去年)/.test(lead) && previousBases.length === 1
        ? previousBases[0]
        : undefined;
    if (!base) return;
    const sign = DECREASE.test(lead.slice(-16)) ? -1 : 1;
    take(changeKey(base, c.unit === '%' ? 'change_pct' : 'change'), { ...c, value: sign * c.value }, 0.6);
  }

  function fees(sentence: string, bare: string, all: Count[], used: Set<number>, take: Take, zero: Zero, locator: string): void {
    if (!/费/.test(sentence) || /行政事业性/.test(sentence)) return;
    const disclosure =
      /信息公开|依申请|信息处理费|收费及减免|收费和减免|检索|复制|复印|邮寄|邮递|公开申请|收费情况|公开工作|提供政府信息/.test(sentence);
    const key = /信息处理费/.test(sentence) ? 'fees.info_processing.collected_yuan' : feeKey;
    for (const c of all) {
      if (c.unit !== '元' || used.has(c.start)) continue;
      if (/(收取|实收|收费|缴纳)[^,;。]{0,16}$/.test(sentence.slice(0, c.start)) && disclosure) take(key, c, 0.7);
    }
    const none =
      /(未|没有|无|不存在|均未|从未|不)(向[^,;。]{0,16}?)?(任何)?(收取|进行|发生|产生|涉及|存在)?[^,;。]{0,24}?(费用|收费|信息处理费)/.exec(
        bare,
      );
    if (none && disclosure && !all.some((c) => c.unit === '元')) zero(key, none.index, 0.8);
    else if (
      /(均|全部|一律)?(免费|未收费|不收费|无偿)/.test(bare) &&
      /依申请|申请公开|信息公开/.test(bare) &&
      !all.some((c) => c.unit === '元')
    )
      zero(key, bare.search(/免费|未收费|不收费|无偿/), 0.7);
    void locator;
  }

  /**
   * Reviews and lawsuits: 「行政复议2件、行政诉讼1件」, each count by the words since the count before it; the
   * outcomes of reviews (「其中2宗维持原答复,1宗结果纠正」) as appeals.review.*; 「未经复议直接起诉1件」 and
   * 「复议后起诉2件」 as the two kinds of lawsuit; and the "none" statements.
   */
  function appeals(sentence: string, bare: string, all: Count[], used: Set<number>, take: Take, zero: Zero, locator: string): void {
    if (!/复议|诉讼|起诉/.test(sentence)) return;
    const clauses = new Set(all.map((c) => clauseAround(bare, c.start).start));
    type Block = 'review' | 'litigation' | 'litigation_direct' | 'litigation_after_review';
    const totals: { block: Block; count: Count }[] = [];
    // The litigation count proposed here, withdrawn when the sentence splits it into direct suits and suits
    // after review (the data build derives the total from the two; the curated rows keep only the split).
    let litigation: { count: Count; metric: string } | null = null;
    let previousEnd = 0;
    for (const c of all) {
      const clause = clauseAround(sentence, c.start);
      const label = sentence.slice(Math.max(clause.start, previousEnd), c.start);
      const after = sentence.slice(c.end, c.end + 10).split(/[,;。、)]/)[0] ?? '';
      previousEnd = c.end;
      if (used.has(c.start) || c.unit === '元' || c.unit === '人次' || c.unit === '%') continue;
      // 「行政复议类信息24条」 counts items published about reviews, not reviews.
      if (/(复议|诉讼)类?信息$/.test(label)) continue;
      const words = label + after;
      const direct = /未经复议直接(起诉|提起诉讼)|直接(起诉|提起行政诉讼)/.test(words);
      const afterReview = /复议后(起诉|提起诉讼)/.test(words);
      // 「答复议案提案信息8条」: 答复 followed by 议案 is not a review.
      const review = /复议/.test(label.replace(/复议机关/, '').replace(/答复议/g, '答')) && !direct && !afterReview;
      const suit = /诉讼|起诉/.test(label);
      // A breakdown of a count before it: 「(4件结果维持,1件结果纠正)」, 「结果维持2件」, 「其中2宗维持原答复」.
      const outcome = /维持/.test(words)
        ? 'upheld'
        : /纠正|纠错|撤销|确认违法/.test(words)
          ? 'corrected'
          : /其他结果/.test(words)
            ? 'other'
            : /尚未审结|未审结|审理中|未结/.test(words)
              ? 'pending'
              : null;
      if (outcome && totals.length > 0 && !/案件\d|复议\d|诉讼\d/.test(label + sentence.slice(c.start, c.end))) {
        used.add(c.start);
        // Which block it breaks down: the one it names, else the last total, unless that one is 0.
        const last = totals.at(-1);
        const suits = totals.filter((t) => t.block !== 'review').at(-1)?.block ?? 'litigation';
        const named: Block | null = /复议(?!后)/.test(label) ? 'review' : /诉讼|起诉/.test(label) ? suits : null;
        const block = named ?? (last && last.count.value === 0 ? totals.find((t) => t.count.value > 0)?.block : last?.block);
        // Lawsuits not split into direct and after review have no outcome keys of their own.
        if (block !== undefined && block !== 'litigation') take(`appeals.${block}.${outcome}`, c, 0.6);
        continue;
      }
      if (!review && !suit && !direct && !afterReview) continue;
      if (direct || afterReview) {
        const block = direct ? 'litigation_direct' : 'litigation_after_review';
        take(`appeals.${block}.total`, c, 0.6);
        totals.push({ block, count: c });
        const stated = litigation ? out.get(litigation.metric) : undefined;
        if (stated && stated.value === litigation?.count.value) out.remove(stated);
        litigation = null;
        continue;
      }
      used.add(c.start);
      if (review && suit) {
        // 「被申请行政复议或被提起行政诉讼的情况:0件」: none of either.
        if (c.value === 0) {
          take('appeals.review.total', c, 0.7);
          take('appeals.litigation.total', c, 0.7);
        } else out.warn(`${locator}: "${c.raw}" counts review and litigation together; not taken`);
        continue;
      }
      // 「被提起行政诉讼6件,均为未经复议直接起诉」: all of them are direct suits.
      const allDirect =
        !review && /^[^,;。]{0,3}(均为|全部为|都是|均系)未经复议直接(起诉|提起)/.test(bare.slice(c.end).replace(/^[,,]/, ''));
      const metric = review ? 'appeals.review.total' : allDirect ? 'appeals.litigation_direct.total' : 'appeals.litigation.total';
      take(metric, c, 0.7);
      totals.push({ block: review ? 'review' : allDirect ? 'litigation_direct' : 'litigation', count: c });
      if (!review && !allDirect && c.value > 0) litigation = { count: c, metric };
    }
    // "None" statements: a negation that governs 复议/诉讼 in a clause without a count of its own. 「未发生…行政复议
    // 被纠错或行政诉讼败诉」 says nothing of how many there were; 行政执法 reviews are not about disclosure.
    // 「未经复议直接起诉」 names a kind of lawsuit; it denies nothing.
    for (const m of bare.matchAll(/(未(?!经复议)|没有|无(?!法|正当)|不存在|均未|零)[^,;。]{0,40}?(复议|诉讼)/g)) {
      const clause = clauseAround(bare, m.index);
      if (clauses.has(clause.start) || /不及时/.test(clause.text)) continue;
      const span = clause.text.slice(m.index - clause.start);
      if (/(复议|诉讼)[^,;。]{0,6}(纠错|纠正|败诉|被撤销|确认违法)/.test(span) || (/执法/.test(bare) && !/信息公开|依申请/.test(bare)))
        continue;
      if (/复议(?!后起诉)/.test(span) && !/复议后/.test(span)) zero('appeals.review.total', m.index, 0.85);
      if (/诉讼/.test(span)) zero('appeals.litigation.total', m.index, 0.85);
      if (ctx.legacy && /申诉/.test(span)) zero('appeals.complaint.total', m.index, 0.85);
    }
  }

  /**
   * Requests (brief): received → requests.new.total; a count that includes carry-over → requests.narrative.total
   * with the carry-over as requests.carried_in.total; 「结转下年度N件」 → requests.carried_out.total; 办理/办结/答复
   * → requests.handled; narrative outcomes and applicants where the category is unambiguous.
   */
  function requests(
    sentence: string,
    bare: string,
    all: Count[],
    used: Set<number>,
    takeOut: Take,
    zero: Zero,
    locator: string,
    topic: boolean,
  ): void {
    if (!topic) return;
    // What this sentence's counts went to, for a sum stated after them.
    const takenHere = new Map<string, number>();
    const take: Take = (metric, c, confidence) => {
      takenHere.set(metric, c.value);
      takeOut(metric, c, confidence);
    };
    const countClauses = new Set(all.map((c) => clauseAround(bare, c.start).start));
    const none =
      /(未|没有|无|尚未)(收到|受理|接到|接收|发生|办理)(过|任何|到)?[^,;。]{0,25}?(信息公开|依申请|公开申请|申请公开|申请)|(无|没有)(政府信息)?依申请公开(事项|政府信息|情况|申请|办理)?/g;
    for (const m of bare.matchAll(none)) {
      const after = bare.slice(m.index + m[0].length, m.index + m[0].length + 12);
      // 「未收到因政府信息公开申请引起的行政复议」 is about appeals; 「未收到行政许可申请」 is not a disclosure request.
      if (/因/.test(m[0]) || /复议|诉讼/.test(after.slice(0, 8)) || !/申请/.test(m[0] + after) || /许可|审批|补正/.test(m[0])) continue;
      // 「未发生有可能产生重大影响的信息公开申请案例」 denies a kind of request, not all of them.
      if (/重大|影响|敏感|案例|典型/.test(m[0] + after.slice(0, 4))) continue;
      // 「未收到…公开的其它方面政府信息」: none of some other kind, not none at all.
      if (/其它方面|其他方面|其它类|其他类/.test(m[0] + after)) continue;
      if (countClauses.has(clauseAround(bare, m.index).start)) continue;
      zero('requests.new.total', m.index, 0.85);
    }
    // 「收到和处理政府信息公开申请数量为0」: none received, said as a number without a unit.
    const zeroStated = /(收到|受理|接到|接收)[^,;。]{0,12}(信息公开|公开)申请(的)?(数量|数|总数|件数)?(为|是)0(?![\d.%])/.exec(bare);
    if (zeroStated && !countClauses.has(clauseAround(bare, zeroStated.index).start)) zero('requests.new.total', zeroStated.index, 0.8);
    const noCarryIn = /(无|没有|未有)(上年度?|上一年度?|往年)(结转|遗留)/.exec(bare);
    if (noCarryIn) zero('requests.carried_in.total', noCarryIn.index, 0.7);
    const noCarryOut = /(无|没有)(结转|转入)(到|至)?下一?年/.exec(bare);
    if (noCarryOut) zero('requests.carried_out.total', noCarryOut.index, 0.7);

    const tableNew = out.get('requests.new.total')?.locator.startsWith('表三') ?? false;
    // Who asked, breaking down the count the sentence is about (new or carried-in requests).
    let base: 'new' | 'carried_in' | 'handled' | 'narrative' | null = null;
    for (const c of all) {
      if (used.has(c.start) || !/^(件|条|宗|起|次|份|个|件次|项|)$/.test(c.unit)) continue;
      const clause = clauseAround(bare, c.start);
      // Unmasked text around the count, so that an aside's own words (「(含上年结转5件)」) are read.
      const lead = sentence.slice(clause.start, c.start);
      const near =
        sentence
          .slice(Math.max(0, c.start - 20), c.start)
          .split(/[,;。:]/)
          .at(-1) ?? '';
      const after = sentence.slice(c.end, c.end + 24).split(/[,;。:)]/)[0] ?? '';
      if (/复议|诉讼/.test(near + (after.split('(')[0] ?? ''))) continue;
      if (CUMULATIVE.test(lead)) {
        used.add(c.start);
        out.warn(`${locator}: "${c.raw}" is described as cumulative (历年/至今/建站以来); not taken (T9)`);
        continue;
      }
      // A petitions bureau (信访局) names itself: its name says nothing of what it counts.
      const ownWords = near.replace(/信访举报投诉类?申请/, '').replace(/[\u4e00-\u9fff]{0,8}信访(局|办公室|办|委员会|中心)/g, '');
      if (NOT_DISCLOSURE.test(ownWords) || NOT_DISCLOSURE.test(after.slice(0, 6))) {
        used.add(c.start);
        out.warn(`${locator}: skipped "${c.raw}" (hotline, consultation, complaint or letter count, not a disclosure request)`);
        continue;
      }
      // 「设置了1个专门的信息申请受理点」: the word 申请 alone is not a request count.
      if (
        /^[^,;]{0,12}申请(受理点|窗口|渠道|方式|平台|表|书|流程|系统|事项目录)/.test(after) ||
        (c.unit === '个' && !/^(政府信息公开|依申请公开)?申请/.test(after))
      )
        continue;
      // 「1项予以公开」: an outcome of the requests the sentence counts.
      const outcomeAfter = /^[^,;。]{0,8}(予以公开|部分公开|不予公开|不掌握|无法提供|不予处理)/.test(after);
      if (c.unit === '项' && !/申请|依申/.test(near + after) && !outcomeAfter) continue;

      // Carry-over: 「上年结转N件」, 「结转上年度N件」, 「2023年结转132件」, 「去年转办42件」, 「N件结转下年度」,
      // 「结转2025年183件」, 「顺延到2022年度申请2件」.
      const years = [...near.matchAll(/((?:19|20)\d{2})年度?(?:结转|转结|转办)/g)].map((m) => Number(m[1]));
      const intoNext = /(结转|转结|转入|转至|转|顺延)(到|至|入)?(下一?年度?|明年|((?:19|20)\d{2})年度?)[^,;。]{0,12}$/.exec(near);
      const nextYear = intoNext?.[4] ? Number(intoNext[4]) : null;
      const carriedIn =
        /(上年度?|上一年度?|去年|往年|前一年)[^,;。]{0,6}?(结转|转结|遗留|转办)|(结转|转结)(自)?(上年|上一年|去年)|含[^,;。]{0,12}?(结转|转结)/.test(
          near,
        ) ||
        (years.length > 0 && ctx.year !== null && years.every((y) => y < (ctx.year ?? 0)));
      const carriedOut =
        /^(申请)?(结转|转结|转入|转至|转|顺延)(到|至|入)?(下一?年度?|明年|(19|20)\d{2}年)/.test(after) ||
        (intoNext !== null && (nextYear === null || ctx.year === null || nextYear > ctx.year));
      if (carriedOut && !carriedIn) {
        take('requests.carried_out.total', c, 0.7);
        continue;
      }
      if (carriedIn) {
        take('requests.carried_in.total', c, 0.7);
        if (base === null) base = 'carried_in';
        continue;
      }

      // Outcomes (narrative): 「予以公开8件」, 「不予公开1件」, 「本机关不掌握4件」, 「因信息不存在的5件」.
      // The count's own words since the count before it (「公开1起,…属于行政执法案卷5起」).
      const previous = all.filter((o) => o.end <= c.start).at(-1);
      const own = sentence.slice(Math.max(clause.start, previous?.end ?? 0, c.start - 24), c.start);
      const label = `${own}${after.slice(0, 4)}`;
      const otherOutcomes = /予以公开|部分公开|不予公开|无法提供|不予处理|办理结果|答复结果|处理结果/.test(sentence);
      const row = OUTCOME_ROWS.find(([pattern]) => pattern.test(label))?.[1];
      const outcome = /予以公开或部分公开|予以公开及部分公开|公开或部分公开|及部分公开|公开和部分公开/.test(label)
        ? 'combined'
        : /部分公开/.test(label)
          ? 'requests.outcome.partial.total'
          : row && !/等/.test(label)
            ? `requests.outcome.${row}`
            : /(不掌握|不属于本|非本(机关|部门|单位)|本机关不|信息不存在|不存在)(?![^,;。]*等)/.test(`${own}${after.slice(0, 12)}`) &&
                otherOutcomes
              ? 'requests.outcome.unable.not_held.total'
              : // 「无法提供等其他情况46件」 lumps groups together.
                /(不予公开|无法提供|不予处理|其他处理)[^,;。]*等/.test(label)
                ? 'combined'
                : /不予公开/.test(label)
                  ? 'requests.outcome.withheld.sum'
                  : /无法提供/.test(label)
                    ? 'requests.outcome.unable.sum'
                    : /不予处理/.test(label)
                      ? 'requests.outcome.not_processed.sum'
                      : /其他处理/.test(label)
                        ? 'requests.outcome.other.sum'
                        : /予以公开|同意公开|全部公开|已主动公开和同意公开/.test(label) ||
                            (otherOutcomes && /^[,、;:]?(其中)?[,:]?公开(的)?$/.test(own))
                          ? 'requests.outcome.disclosed.total'
                          : null;
      if (outcome === 'combined') {
        used.add(c.start);
        continue;
      }
      // 「因属于内部事务信息,不予公开2条」: the reason, in the clause before, names the row of the withheld group.
      const reasons = OUTCOME_ROWS.filter(
        ([pattern, key]) => key.startsWith('withheld.') && pattern.test(sentence.slice(previous?.end ?? 0, c.start)),
      );
      if (outcome === 'requests.outcome.withheld.sum' && reasons.length === 1 && reasons[0]) {
        take(`requests.outcome.${reasons[0][1]}`, c, 0.6);
        continue;
      }
      if (outcome) {
        take(outcome, c, 0.6);
        continue;
      }
      // Who asked: 「自然人申请36件」, 「来自公民申请1482宗」, 「商业企业申请2件」, 「其他组织申请25宗」.
      const applicant = /(自然人|公民个人|公民)(申请|提出|提交)?[^,;。]{0,4}$/.test(near)
        ? 'natural_person'
        : /商业企业(申请)?[^,;。]{0,3}$/.test(near)
          ? 'org_commercial'
          : /科研机构(申请)?$/.test(near)
            ? 'org_research'
            : /社会公益组织(申请)?$/.test(near)
              ? 'org_public_interest'
              : /法律服务机构(申请)?$/.test(near)
                ? 'org_legal_services'
                : /(?<!法人(或|和|及))其他组织(申请)?$/.test(near)
                  ? 'org_other'
                  : null;
      // The count's own words since the count before it in its clause (「收到公民、法人和其他组织政府信息公开申请共161件」).
      const previousCount = all.filter((o) => o.end <= c.start).at(-1);
      const since = sentence.slice(Math.max(clause.start, previousCount?.end ?? 0), c.start);
      // 「办理公民…提出的申请71件」: 提出 describes requests handled, not received.
      const handledAsked = /(办理|处理|办结|答复)[^,;。]{0,16}(提出|提交)的/.test(lead) && !/收到|受理|接收|接到|新收/.test(lead);
      const received =
        (/收到|受理|接收|接到|接受|新收|提出|提交|共有|申请数|申请件|申请总数/.test(near) &&
          /申请|依申/.test(near + after.slice(0, 12)) &&
          !handledAsked) ||
        (/收到|受理|接收|接到/.test(since) &&
          /申请|依申/.test(since.slice(since.search(/收到|受理|接收|接到/))) &&
          !/办结|办理完成|答复|回复|处理/.test(since)) ||
        /(今年|本年度?|当年)新(受理|收到|接收)$/.test(near);
      // 「新受理252件,2022年结转10件,共计262件」: the sum of both is the count with carry-over.
      const newHere = takenHere.get('requests.new.total');
      const carriedHere = takenHere.get('requests.carried_in.total');
      if (
        /^(共计|合计|总计|共|累计)$/.test(since.replace(/^[,、]/, '')) &&
        newHere !== undefined &&
        carriedHere !== undefined &&
        newHere + carriedHere === c.value
      ) {
        take('requests.narrative.total', c, 0.7);
        continue;
      }
      if (applicant) {
        // 「共受理公民申请4件」 is the count received as well.
        if (received && /(受理|收到|接收)[^,;。]{0,6}(公民|自然人)/.test(near) && !tableNew) take('requests.new.total', c, 0.7);
        // A split of a count that mixes new and carried-over requests, or of the handled ones, has no key.
        if (base === null || base === 'new' || base === 'carried_in') take(`requests.${base ?? 'new'}.${applicant}`, c, 0.6);
        continue;
      }
      // 「含上年结转5件」 right after the count, or 「其中办理上年度结转申请6件」 later in the sentence.
      const includesCarryOver =
        /^[^,;。]{0,8}\(?(含|包含|包括)[^,;。]{0,12}?(结转|转结)/.test(sentence.slice(c.end, c.end + 24)) ||
        /^[^。\d]{0,12}其中[^。]{0,12}(上年度?|上一年度?|去年)[^。]{0,4}(结转|转办|转结)/.test(sentence.slice(c.end, c.end + 40));
      const notIncluding = /^[^,;。]{0,4}\(?(未包含|不含|不包含|未含)/.test(sentence.slice(c.end, c.end + 12));
      // 「受理答复…申请28件」, 「受理、办理、答复依申请公开2件」: received, and answered as well.
      const receivedWords = near.replace(/(受理|收到)[、,和及并]*(办理[、,和及并]*)?(答复|回复)/, '$1');
      if (received && !/办结|办理完成|答复|回复/.test(receivedWords.slice(receivedWords.search(/收到|受理|接收|接到|接受|新收/)))) {
        used.add(c.start);
        // 「受理行政许可申请83件」: applications for a licence or approval, not for information.
        if (/(许可|审批|登记|注册|备案|复议|补贴|资助)[^,;。]{0,4}申请[^,;。]{0,2}$/.test(near)) continue;
        // 「收到网络申请6件,线下书面申请2件」, 「收到自然人…申请书1件,法人…申请书1件」: counts by how requests came in or
        // by who sent them, with no total of them stated.
        const wordsOf = (o: Count) => sentence.slice(Math.max(clauseAround(bare, o.start).start, o.start - 20), o.start);
        if (
          (byChannel(near) && all.some((o) => o !== c && byChannel(wordsOf(o)))) ||
          (byApplicant(near) && all.some((o) => o !== c && byApplicant(wordsOf(o))))
        )
          continue;
        if (tableNew) {
          if (out.get('requests.new.total')?.value !== c.value)
            out.warn(`${locator}: the overview says ${c.raw} received; the section 三 table's count is kept`);
          continue;
        }
        // 「受理申请50件,其中结转2023年3件,2024年申请47件」, 「受理301件,上年度结转申请3件,新增298件」: the count is the
        // carry-over and the year's new requests together.
        const later = all.filter((o) => o.start > c.start && !used.has(o.start));
        const carried = later.find((o) => /结转|转结/.test(wordsOf(o)) && !/下一?年|(结转|转结)(到|至)/.test(wordsOf(o)));
        const fresh = later.find(
          (o) => o !== carried && /(新增|新收|新受理|(本年度?|今年|当年|\d{4}年度?)(新)?(申请|收到|受理))[^,;。]{0,6}$/.test(wordsOf(o)),
        );
        if (carried && fresh && carried.value + fresh.value === c.value && !tableNew) {
          take('requests.narrative.total', c, 0.7);
          take('requests.carried_in.total', carried, 0.7);
          take('requests.new.total', fresh, 0.7);
          if (base === null) base = 'narrative';
          continue;
        }
        const narrative = includesCarryOver && !notIncluding;
        take(narrative ? 'requests.narrative.total' : 'requests.new.total', c, 0.8);
        if (narrative) out.warn(`${locator}: request count ${c.value} includes carry-over; recorded as requests.narrative.total`);
        if (base === null) base = narrative ? 'narrative' : 'new';
        // 「均为自然人申请」, 「申请人全部为公民」: every request came from a natural person.
        if (!narrative && /^[^。]{0,16}(均为|全部为|全部是|均是|都是)(自然人|公民)/.test(sentence.slice(c.end)))
          take('requests.new.natural_person', c, 0.6);
        continue;
      }
      if ((/办理|办结|处理|答复|回复|完成/.test(near) || handledAsked) && (/申请|依申/.test(near + after) || /^(件|宗|条)$/.test(c.unit))) {
        used.add(c.start);
        if (includesCarryOver) {
          take('requests.narrative.total', c, 0.7);
          if (base === null) base = 'narrative';
          continue;
        }
        if (base === null) base = 'handled';
        handled.push({ count: c, locator, evidence: { text: sentence, start: c.start, end: c.end } });
        continue;
      }
    }
  }

  /** Words naming who sent a request (a person, a company): a count of one kind of applicant. */
  function byApplicant(words: string): boolean {
    return /(自然人|公民|法人|其他组织|企业|律师)[^,;。]{0,8}申请(?!人)/.test(words);
  }

  /** Words naming how a request came in (online, by letter, in person): a count of one channel of requests. */
  function byChannel(words: string): boolean {
    return /(网络|网上|在线|线上|线下|书面|纸质|信函|当面|邮寄|电子邮件|邮箱|传真|现场)[^,;。]{0,6}申请(?!人)/.test(words);
  }

  /** Narrative counts of section 二's decisions: 「作出行政许可63件」, 「行政处罚587件」 (brief). */
  function decisions(bare: string, all: Count[], used: Set<number>, take: Take, zero: Zero): void {
    // 「无行政许可、行政处罚、行政强制事项,不涉及行政事业性收费」: a body without these powers decided none.
    const none = /(无|没有|不涉及|未涉及|未发生)((?:行政(?:许可|处罚|强制)[、和及与]*)+)(事项|决定|职能|权限|行为)?/.exec(bare);
    if (none?.[2]) {
      const named = none[2];
      if (/许可/.test(named)) zero('proactive.art20_5.licensing.decisions', none.index, 0.6);
      if (/处罚/.test(named)) zero('proactive.art20_6.penalty.decisions', none.index, 0.6);
      if (/强制/.test(named)) zero('proactive.art20_6.coercion.decisions', none.index, 0.6);
    }
    const noFees = /(无|没有|不涉及|未涉及|未收取)行政事业性收费/.exec(bare);
    if (noFees) zero('proactive.art20_8.admin_fees.amount_wan_yuan', noFees.index, 0.6);
    // 「行政许可类处理决定数4条,…行政强制处理决定数0条」: section 二's decision cells restated in prose, whatever the unit.
    const decisionCell = /(行政许可|行政处罚|行政强制|其他对外管理服务事项)类?的?(处理)?决定(数量?|件数|总数)(为)?$/;
    for (const c of all) {
      const cell = used.has(c.start) ? null : decisionCell.exec(bare.slice(Math.max(0, c.start - 24), c.start));
      if (!cell?.[1]) continue;
      const key =
        cell[1] === '行政许可'
          ? 'art20_5.licensing'
          : cell[1] === '行政处罚'
            ? 'art20_6.penalty'
            : cell[1] === '行政强制'
              ? 'art20_6.coercion'
              : // Other services have a decisions column only in the 2019 form (reports for 2019 and 2020).
                ctx.year !== null && ctx.year >= 2019 && ctx.year <= 2020
                ? 'other_services'
                : null;
      if (key === null) {
        used.add(c.start);
        continue;
      }
      take(key === 'other_services' ? 'proactive2019.art20_5.other_services.decisions' : `proactive.${key}.decisions`, c, 0.7);
    }
    for (const c of all) {
      // 「行政事业性收费0元」 restates section 二's fee cell (万元), not a disclosure fee.
      if (
        !used.has(c.start) &&
        c.unit === '元' &&
        /行政事业性收费/.test(bare) &&
        /(行政事业性收费|费用总额|收费金额|收费总额)[^,;。]{0,6}$/.test(bare.slice(0, c.start))
      ) {
        // In 万元 as the table's column: 「4.043万元」 is 4.043, 「0元」 is 0.
        const digits = Number(/[\d.]+/.exec(c.raw)?.[0] ?? c.value);
        take('proactive.art20_8.admin_fees.amount_wan_yuan', { ...c, value: /万/.test(c.raw) ? digits : digits / 10000 }, 0.6);
        continue;
      }
      if (used.has(c.start) || !/^(件|项|个|起|宗|)$/.test(c.unit)) continue;
      // The words since the count before it: 「作出行政许可63件、行政处罚587件」 has two counts of two kinds.
      const previous = all.filter((o) => o.end <= c.start).at(-1);
      const near = bare
        .slice(Math.max(clauseAround(bare, c.start).start, previous?.end ?? 0, c.start - 24), c.start)
        .replace(/^[、和及,]/, '');
      const kind = /行政许可/.test(near)
        ? 'art20_5.licensing'
        : /行政处罚/.test(near)
          ? 'art20_6.penalty'
          : /行政强制/.test(near)
            ? 'art20_6.coercion'
            : null;
      if (!kind || /清单|事项|目录|权力|信息|类|栏目|公示|案卷|申请/.test(near.replace(/处罚决定|许可决定|强制决定/, ''))) continue;
      // A list of service items (「公开政务服务事项33项,行政许可30项」) or their publicity (「行政许可公开202件」).
      if (/事项|清单|目录/.test(bare.slice(0, c.start)) || /(许可|处罚|强制)(公开|公示)/.test(near)) continue;
      // 「收到申请70件,涉及问题楼盘32件、行政许可20件」: what requests were about, not decisions.
      if (/申请/.test(bare.slice(0, c.start))) continue;
      if (/、|和|及/.test(near.slice(near.search(/行政(许可|处罚|强制)/)))) continue;
      take(`proactive.${kind}.decisions`, c, 0.6);
    }
  }

  /** Normative documents and interpretations stated in prose. */
  function documents(bare: string, all: Count[], used: Set<number>, take: Take, zero: Zero): void {
    // The words of each count since the count before it in the same clause.
    const segmentOf = (c: Count) => {
      const before = all.filter((o) => o.end <= c.start).at(-1);
      return bare.slice(Math.max(clauseAround(bare, c.start).start, before?.end ?? 0), c.start);
    };
    // The brief records documents issued in the prose as proactive.normative_docs; the section 二 table's
    // columns (废止, 现行有效) restated in prose have no key of their own there, and are left to the table.
    for (const c of all) {
      if (used.has(c.start) || !/^(件|个|份|部|条|篇|)$/.test(c.unit)) continue;
      const segment = segmentOf(c);
      const after = bare.slice(c.end, c.end + 24);
      // 「发布10件规范性文件」: the noun after the count, right after it.
      const nounAfter = /^(个|件|份)?(行政)?规范性文件/.test(after);
      const named = /规范性文件(信息|数|相关信息)?(共|共计)?$/.test(segment) || nounAfter;
      // Documents repealed, checked or still in force (持续有效), and a share of a breakdown (「3份,占比2.9%」).
      if (!named || /废止|失效|清理|审查|备案|现行|有效|历年|累计/.test(segment) || /^,?占/.test(after)) continue;
      // 「公开行政法规、规章和规范性文件9613件」, 「规章制度及规范性文件3件」 count other documents with them.
      if (/(法规|规章|制度|文件)[、和及与]+(行政)?规范性文件[^,;。]{0,4}$/.test(segment)) continue;
      if (nounAfter && !/制发|发布|公开|出台|制定|印发|新增|审核/.test(segment)) continue;
      take('proactive.normative_docs', c, 0.7);
    }
    const noneDocs = /(未|没有|无)(新)?(制发|出台|制定|发布|印发|新增)[^,;。]{0,6}?(行政)?(规章|规范性文件)/.exec(bare);
    // 「全年未制发规章和行政规范性文件」: none issued. The brief records documents issued in the prose as
    // proactive.normative_docs (the section 二 keys are the table's); rules have no prose key.
    // Beside a section 二 table that gives the count, the sentence only restates it.
    const tableCount = out.get('proactive.art20_1.normative_docs.issued') ?? out.get('proactive2019.art20_1.normative_docs.new_made');
    if (noneDocs && /规范性文件/.test(bare.slice(noneDocs.index, noneDocs.index + 30)) && !tableCount)
      zero('proactive.normative_docs', noneDocs.index, 0.6);

    // Interpretations: the first count the sentence gives for 解读 (「发布政策解读23件」, 「解读信息4条」, 「多形式解读材料
    // 27条」), unless it counts other things with them (「动态信息、政策解读45条」, 「办事指南及政策解读42条」) or the
    // sentence splits a breakdown into kinds without a whole (「其中文字解读35篇,图文解读33篇…」).
    const readings = all
      .filter((c) => !used.has(c.start) && /^(件|条|篇|个|份|则|)$/.test(c.unit))
      .map((c) => ({ c, segment: segmentOf(c), after: bare.slice(c.end, c.end + 8) }))
      .filter(
        ({ segment, after }) =>
          /解读[^,;。等、信和及与]{0,6}(信息)?(共|共计)?(发布|公开|推出|制作|推送)?(总数|数量|数)?$/.test(segment) ||
          /^(政策)?解读/.test(after),
      );
    const first = readings[0];
    if (first) {
      const label = first.segment.slice(first.segment.search(/[^、及和与,]*$/));
      // What is counted, after the last verb; a list separator before it only ends the count before.
      const phrase = first.segment.replace(/^[、及和与,;]+/, '');
      const upTo = phrase.includes('解读') ? phrase.slice(0, phrase.lastIndexOf('解读') + 2) : phrase;
      const verbs = [...upTo.matchAll(/发布|公开|推出|制作|推送|编发|刊发|撰写|形成|开展|完成|做好/g)];
      const lastVerb = verbs.at(-1);
      const noun = lastVerb ? upTo.slice(lastVerb.index + lastVerb[0].length) : upTo;
      // 「动态信息、政策解读45条」 counts other things with them; 「文字、图片类解读20篇」, 「热点解读和政策解读48条」 are
      // all interpretations.
      const combined =
        !/等/.test(noun) &&
        noun
          .split(/[、及和与]/)
          .some(
            (item) =>
              item !== '' &&
              !/解读/.test(item) &&
              !/^(政策)?(文字|图片|图文|图解|视频|音频|动漫|H5|图表|媒体|专家|领导|数字化)(类|形式)?$/.test(item),
          );
      const breakdown = readings.length > 1 && (first.c.aside || /其中/.test(bare.slice(0, first.c.start)));
      // 「文字解读16份、图片解读14份」: parallel counts of kinds of interpretation, none of them the whole.
      const second = readings[1];
      const kindOf = (segment: string) =>
        /(文字|图片|图文|图解|视频|音频|动漫|媒体|专题|专家)(类|形式)?(政策)?解读[^,;。、]{0,4}$/.test(segment);
      const parallel =
        second !== undefined &&
        kindOf(first.segment) &&
        kindOf(second.segment) &&
        !/其中|含|包括/.test(bare.slice(first.c.end, second.c.start));
      if (!combined && !breakdown && !parallel && !/回应关切|热点/.test(label)) take('proactive.interpretations', first.c, 0.7);
      for (const { c } of readings) used.add(c.start);
    }
    if (/(无|没有)(政策)?解读/.test(bare) && readings.length === 0)
      zero('proactive.interpretations', bare.search(/(无|没有)(政策)?解读/), 0.6);
  }

  function proactive(
    bare: string,
    all: Count[],
    used: Set<number>,
    take: Take,
    locator: string,
    evidence: (c: Count) => Evidence,
    assigned: Map<number, string>,
  ): void {
    // A count of accounts or columns (「登记在册政务新媒体2个」, 「新建栏目197个」) counts no items: the channel it names
    // stays with the count of items after it.
    const accounts = (c: Count) =>
      c.unit === '个' &&
      /(新媒体|账号|公众号|栏目|专栏|平台|网站|客户端|微博|小程序)[^,;。\d]{0,4}$/.test(
        text.slice(clauseAround(text, c.start).start, c.start),
      );
    const itemCount = (from: number, to: number) => open.some((o) => o.start >= from && o.start < to && !accounts(o));
    // An account name in quotes before a channel word is not a channel of its own (「“番禺政府网”微信公众号」).
    const text = bare.replace(/“[^”]{1,20}”(?=(微信|公众号|微博|客户端|app|APP|头条|抖音|快手|视频号|南方号|小程序|官方))/g, (q) =>
      '·'.repeat(q.length),
    );
    const open = all.filter((c) => !used.has(c.start) && /^(条|篇|件|项|个|份|则|条次|篇次|)$/.test(c.unit));
    if (open.length === 0) return;
    const hasVerb = (s: string) => new RegExp(PROACTIVE_VERB.source).test(s);
    const segments = new Map<number, string>();
    let end = 0;
    for (const c of all) {
      segments.set(c.start, text.slice(Math.max(clauseAround(text, c.start).start, end), c.start));
      end = c.end;
    }
    // A count whose own words name neither a verb nor a channel continues a list begun by the count before it.
    const listItem = (c: Count) => {
      const segment = segments.get(c.start) ?? '';
      // 公开 inside a noun (信息公开目录, 政务公开) is not a verb of the count.
      const verbs = segment.replace(/(信息|政务|政府|依申请)公开(?=目录|专栏|栏目|平台|工作|年报|指南|网|办|领导|制度|内容|系统)/g, '');
      return !hasVerb(verbs) && channelMentions(segment).length === 0 && !/共|合计|总计/.test(segment);
    };
    // "N posts in all, of which M were disclosure items": M is the disclosure count (seen in reports before 2019).
    const disclosureShare = /其中(政府)?信息公开(?:类)?$|其中主动公开(政府信息)?$/;
    const inSentence: { metric: string; count: Count }[] = [];
    let previousEnd = 0;
    for (const c of open) {
      const clause = clauseAround(text, c.start);
      if (accounts(c)) continue;
      // Channels named in earlier clauses without a count of their own still belong to this count.
      let spanStart = clause.start;
      while (spanStart > previousEnd + 1) {
        const earlier = clauseAround(text, spanStart - 2);
        // A clause with a count of items of its own is another statement; views and visits (次) are not items.
        if (earlier.start < previousEnd || itemCount(earlier.start, earlier.end)) break;
        spanStart = earlier.start;
      }
      const span = text.slice(Math.max(spanStart, previousEnd), c.start);
      const segment = segments.get(c.start) ?? '';
      const inClause = text.slice(clause.start, c.start);
      previousEnd = c.end;
      if (/申请/.test(text.slice(0, c.start))) continue;
      // 累计 before the year's own additions (「累计…3819条,本年度新增295条」) counts all years; alone, 累计 often means
      // the year's total (「截止12月31日累计公开53条」).
      const sinceStart = /累计/.test(clause.text) && open.some((o) => o.start > c.start && NEW_THIS_YEAR.test(segments.get(o.start) ?? ''));
      if (CUMULATIVE.test(clause.text) || sinceStart) {
        out.warn(`${locator}: "${c.raw}" is described as cumulative (历年/至今/建站以来); not taken (T9)`);
        continue;
      }
      // 「其中本年度新增主动公开政府信息6890条」: the year's own count, although it follows 其中.
      const newThisYear = NEW_THIS_YEAR.test(segment);
      const part = (c.aside || /其中/.test(text.slice(0, c.start))) && !newThisYear;
      if (ctx.legacy && disclosureShare.test(text.slice(0, c.start))) {
        // The larger count of the same sentence, whether read as a total or as a site count, is all posts.
        const earlier = out.get('proactive.total');
        if (earlier && open.some((o) => o.value === earlier.value && o.start < c.start)) out.remove(earlier);
        for (let i = sites.length - 1; i >= 0; i--) if (open.some((o) => o === sites[i]?.count)) sites.splice(i, 1);
        out.warn(`${locator}: the sentence counts all posts and, of them, ${c.value} disclosure items; took ${c.value} as proactive.total`);
        take('proactive.total', c, 0.6);
        continue;
      }
      // Items sent to another body's site (报送, 投递, 被采用) are not published by this one; 「分别发布500余条」
      // gives one number for several channels.
      if (/报送|上报|投递|采用|采纳|申请|分别/.test(segment)) continue;
      // 「上级部门累计转发我省信息330条」: another body reposting this one's items.
      if (/(转发|转载|采用|刊用)(了)?(我|本)(省|市|区|县|局|厅|委|单位)/.test(segment)) continue;
      // 「媒体报道1123篇」: what outlets wrote about the body, not what it published (「借助媒体发布宣传报道」 is).
      if (/(报道|用稿|刊用)/.test(segment) && !/发布|刊发|推送|投放|编发/.test(segment)) continue;
      // Reprints of other bodies' documents on a site (「转载国务院、省政府重要政策860条」) are not its own information;
      // a new-media account's reposts are what it publishes (「公众号发布转载信息225条」).
      if (/转载/.test(segment) && !/微信|微博|公众号|头条|抖音|视频号/.test(segment)) continue;
      // A count of a noun that follows it (「实时更新9项市级重大建设项目」) is not a count of items published,
      // unless the noun is what is published (「发布223篇推文」).
      const following = text.slice(c.end, c.end + 6);
      if (/^[\u4e00-\u9fff]/.test(following) && !/^(政府|政务)?(图文)?(信息|推文|稿件|文章|资讯|新闻|内容)/.test(following)) continue;
      // The channels the count's own words name; only when they name none, those of earlier clauses.
      // Channels named after the verb are what is published (「发布政府公报、…等政府信息」), not where.
      const verbAt = Math.max(-1, ...[...segment.matchAll(PROACTIVE_VERB)].map((m) => m.index));
      const own = channelMentions(segment).filter((m) => m.channel !== 'other' || verbAt < 0 || m.at < verbAt);
      const lead = own.length === 0 && channelMentions(span).length === 0 && !/\d/.test(text.slice(0, c.start)) ? leadIn : '';
      // Of earlier clauses, the nearest one that names a channel (「…通过网站等渠道进行了解读;微信公众号现有1.4万人关注,
      // 发布文章450篇」: the account, not the site of the clause before).
      // Only the clause just before the count's own is near enough; further back, all of them are read together.
      const clauses = span.split(/(?<=[,;:])/);
      const nearest = clauses.slice(-2).findLast((piece) => channelMentions(piece).length > 0) ?? span;
      const mentions = own.length > 0 ? own : channelMentions(lead === '' ? nearest : lead);
      // Words spreading the count over channels count only where the channels were read from.
      const spreadText = own.length > 0 ? segment : lead === '' ? nearest : lead;
      const verbs = [...inClause.matchAll(PROACTIVE_VERB)];
      if (verbs.length === 0 && channelMentions(segment).length === 0) continue;
      // What is counted: the words after the last verb or channel.
      const lastVerb = verbs.at(-1);
      const lastChannel = channelMentions(inClause).at(-1);
      const from = Math.max(lastVerb ? lastVerb.index + lastVerb[0].length : 0, lastChannel ? lastChannel.end : 0);
      // What is counted is the noun after the examples (「警务资讯、公示公告、政策解读等各类政府信息」).
      // An account's name in quotes after its channel (「微信公众号“测试医保”共推文62篇」) is not what is counted; after a
      // site (「回复网站“网民留言”14条」) the quotes name what is counted.
      const account = lastChannel !== undefined && lastChannel.end === from && lastChannel.channel !== 'own_site';
      const object = inClause
        .slice(from)
        .replace(/·/g, '')
        // 「发布信息256期共1120条」: the issues are how the items came out, not what is counted.
        .replace(/\d+(期|批次|批)(共|共计|合计)?/g, '')
        .replace(account ? /^“[^”]{1,20}”/ : /^$/, '');
      const head = object.slice(object.lastIndexOf('等') + 1);
      if (
        PROACTIVE_SKIP.test(head) ||
        NOT_DISCLOSURE.test(head) ||
        /解读|规范性文件|规章|图片|照片|视频(?!新闻)|栏目|专栏|频道|期$|场$/.test(head)
      )
        continue;
      // 「工作动态及各类政务信息」 and 「业务类政策文件、各类政府信息」 are all information.
      const what = object
        .slice(object.lastIndexOf('等') + 1)
        .replace(/^.*(及|和|以及|、)(?=各类)/, '')
        .replace(FILLER, '');
      const kinds = new Set(mentions.map((m) => m.channel));
      const specific = [...kinds].filter((k) => k !== 'other');
      const site = specific.includes('own_site') || specific.includes('portal');
      // 「通过报刊、广播、电视等其他方式公开」 names one kind of channel several times: that channel. 「通过门户网站等
      // 平台公开」 names one channel and leaves others open: all channels.
      const oneKindListed = specific.length === 1 && mentions.filter((m) => m.channel === specific[0]).length >= 2;
      // Two sites (「机关信息网和人民政府门户网站共公开…」) are all the body's channels together, not one site.
      // The same items published on both (同步) stay the site's count.
      const twoSites =
        site &&
        /(网站|网|门户|平台|专栏)[^,;。]{0,3}?(和|及|、|与|以及)[^,;。]{0,20}?(网站|网|门户|平台|专栏)/.test(spreadText) &&
        !/同步/.test(spreadText) &&
        // 「通过政府信息公开专栏及我局网站」: a column and the site that holds it are one site.
        // (「省政府网站信息公开专栏和厅网站」 are two: the column is on another site.)
        !/(?<!(网站|网|门户)[^,;。]{0,8})专栏[^,;。]{0,3}?(和|及|、|与|以及)[^,;。]{0,8}?(网站|网)(?![^,;。]{0,3}(和|及|、|与))/.test(
          spreadText,
        );
      const spread = specific.length >= 2 || twoSites || (SPREAD.test(spreadText) && !oneKindListed) || (site && kinds.has('other'));
      // Later counts that continue this one's list (「会议信息1条、常务会议文字信息37条」) make it a category; a
      // breakdown after 其中 does not.
      const breakdown = text.indexOf('其中', c.end);
      // Counts of documents after it (「…7494条,制发的规范性文件数2件,废止件数3件」) are not items of its list.
      const documentCount = (o: Count) => /规范性文件|规章|废止|现行有效/.test(segments.get(o.start) ?? '');
      const siblings = open.filter(
        (o) => o.start > c.start && !o.aside && (breakdown < 0 || o.start < breakdown) && listItem(o) && !documentCount(o),
      );
      const marked = /共|总计|合计|全年|各类|各项|所有|全部|累计|总数|年内|本年|一年来/.test(span);
      const confidence = 0.75;
      if (c.value === 0 && (specific.length >= 2 || (specific.length === 1 && spread))) {
        // 「利用微信、微博等形式公开0条」: zero across channels is zero on each.
        for (const k of specific) if (k !== 'own_site' && k !== 'portal') take(`proactive.${k}`, c, 0.6);
        continue;
      }
      if (specific.length === 0 && kinds.has('other')) continue;
      // A column's count (「重点栏目发布169条」) is a category of the site's.
      if (specific.length === 0 && /栏目|专栏|专题|板块|频道/.test(segment)) continue;
      if (specific.length >= 2 && !site) {
        out.warn(`${locator}: "${c.raw}" counts several new-media channels together (${[...kinds].join(', ')}); no channel key holds it`);
        continue;
      }
      if (spread || specific.length === 0) {
        if (part || listItem(c)) continue;
        if (siblings.length > 0 && (!marked || !GENERAL.test(what))) {
          out.warn(`${locator}: "${c.raw}" is one of several category counts without a total; not taken`);
          continue;
        }
        // 「全年主动公开各类财政信息1257条」: a body's own field of information in all is a total; a topic
        // (疫情防控, 重点领域, 工作动态) is a category even when 累计 or 共 stands before it.
        const fieldTotal = marked && /^[\u4e00-\u9fff]{0,6}(信息|资讯)$/.test(what) && !CATEGORY.test(what);
        if (!GENERAL.test(what) && !fieldTotal) continue;
        // 「围绕疫情防控,…发布…各类信息315条」: the items of one topic the sentence is framed by, not all items.
        if (/围绕[^,;。]{0,16}(疫情|防控|专项|专题|六稳|六保)/.test(text.slice(0, c.start))) continue;
        // 件, 份 and 个 count documents unless the words say information (「公开26件」 of a list of files).
        if (/^(件|份|个|项|部)$/.test(c.unit) && !/信息|资讯/.test(span)) continue;
        // A subject before the verb that is a kind of document or decision (「行政处罚决定发布72条」) makes a category.
        const subject = lastVerb ? inClause.slice(0, inClause.search(PROACTIVE_VERB)) : '';
        if (
          /决定|文件|规划|预决算|预算|决算|收费|项目|清单|公告|通知|动态|会议|解读|方面|情况|政策|措施/.test(
            subject.replace(/^[\d年度,]+/, ''),
          )
        )
          continue;
        // The year's new items replace a total read earlier from a sentence that said 累计 (all years so far).
        const earlier = out.get('proactive.total');
        if (newThisYear && earlier?.evidence && /累计/.test(clauseAround(earlier.evidence.text, earlier.evidence.start).text))
          out.remove(earlier);
        take('proactive.total', c, confidence);
        continue;
      }
      const channel =
        specific[0] === 'own_site'
          ? ctx.government
            ? 'own_site'
            : siteKind(span, mentions.filter((m) => m.channel === 'own_site').at(-1)?.at ?? 0)
          : specific[0];
      if (!channel) continue;
      if (!site && !CHANNEL_OBJECT.test(what.replace(/推送|推文/, ''))) continue;
      // 「移动客户端61个」 counts accounts, not items.
      if (!site && c.unit === '个') continue;
      // Inside a breakdown, a site's count of one category (「其中政府网站发布重点领域信息2124条」) is not the site's.
      if (site && part && !GENERAL.test(what)) continue;
      // A category's count among a list of categories (「工作动态97篇,通知公告21条」) is not the channel's.
      if (siblings.length > 0 && !GENERAL.test(what)) {
        out.warn(`${locator}: "${c.raw}" is one of several category counts without a total; not taken`);
        continue;
      }
      // Own site and portal stay apart until the end, where the portal becomes proactive.portal only beside an own site.
      const metric = `proactive.${channel}`;
      const sameChannel = inSentence.find((s) => s.metric === metric);
      if (part && sameChannel) continue;
      if (sameChannel && sameChannel.count.value !== c.value) {
        // Two counts for one channel in one sentence (two media outlets, two sites): neither is the channel's.
        const earlier = out.get(metric === 'proactive.own_site' || metric === 'proactive.portal' ? 'proactive.website' : metric);
        if (earlier && earlier.value === sameChannel.count.value) out.remove(earlier);
        for (let i = sites.length - 1; i >= 0; i--) if (sites[i]?.count === sameChannel.count) sites.splice(i, 1);
        out.warn(`${locator}: two ${channel} counts (${sameChannel.count.raw}, ${c.raw}) in one sentence; neither taken`);
        continue;
      }
      inSentence.push({ metric, count: c });
      used.add(c.start);
      if (channel === 'own_site' || channel === 'portal') {
        sites.push({ kind: channel, count: c, locator, confidence, evidence: evidence(c) });
        assigned.set(c.start, 'proactive.website');
      } else take(metric, c, confidence);
    }
  }
}

const pick = (c: Count) => ({ value: c.value, qualifier: c.qualifier });

/**
 * Small summary tables of older reports: a row of labels over a row of numbers (依申请公开情况 | 收费及减免情况 |
 * …). Only labels that name one figure are read.
 */
export function readSummaryRows(lines: readonly string[], ctx: Pick<NarrativeContext, 'legacy'>, out: Proposals): void {
  const cells = (line: string) =>
    line
      .split('|')
      .map((c) => c.trim())
      .filter((c, i, all) => c !== '' || (i > 0 && i < all.length - 1));
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (!line.includes('|') || !next?.includes('|')) return;
    const labels = cells(line);
    const values = cells(next).map((c) => (/^\d+(?:\.\d+)?$/.test(c) ? Number(c) : null));
    if (labels.length < 2 || labels.length !== values.length || labels.some((l) => /^\d/.test(l)) || values.some((v) => v === null)) return;
    labels.forEach((label, j) => {
      const value = values[j];
      if (value === null || value === undefined) return;
      const metric = summaryMetric(label, ctx);
      if (metric === null) {
        if (/复议/.test(label) && /诉讼/.test(label)) out.warn(`summary table: "${label}" combines review and litigation; not taken`);
        return;
      }
      const evidenceText = `${line}\n${next}`;
      const at = line.length + 1 + next.indexOf(String(value));
      out.add({
        metric,
        value,
        qualifier: 'exact',
        locator: `summary table ${label}`,
        confidence: 0.6,
        evidence: { text: evidenceText, start: at, end: at + String(value).length },
      });
    });
  });
}

function summaryMetric(label: string, ctx: Pick<NarrativeContext, 'legacy'>): string | null {
  if (/行政事业性/.test(label)) return null;
  if (/收费/.test(label)) return ctx.legacy ? 'fees.legacy.amount_yuan' : 'fees.info_processing.collected_yuan';
  if (/维持|纠正|结果|审结|起诉/.test(label)) return null;
  if (/复议/.test(label) && !/诉讼/.test(label)) return 'appeals.review.total';
  if (/诉讼/.test(label) && !/复议/.test(label)) return 'appeals.litigation.total';
  if (/依申请公开|申请数|申请情况|受理申请/.test(label)) return 'requests.new.total';
  return null;
}
