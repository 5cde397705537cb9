/**
 * Headline figures stated in prose (reference §7): proactive disclosure counts and their channels, request
 * counts, and the "none" statements for requests, fees and appeals. Each sentence is split into clauses; a
 * count is only taken when its own clause says what it counts (traps T1–T9).
 */
import type { Qualifier } from '../core/schema.ts';
import type { Proposals } from './figures.ts';

export interface NarrativeContext {
  /** Report year, for the fee key of the era and to spot a year printed as a count (T6). */
  year: number | null;
  /** True for reports under the 2007 regulations (fees and 申诉 have their own keys there). */
  legacy: boolean;
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

// A count: optional approximation word, digits, optional 万 and 余/多, a counting unit (§7.2 NUM and APPROX).
const COUNT = /(约|近|逾|超过|达)?(?<![\d.A-Za-z])(\d+(?:\.\d+)?)(余|多)?(万)?(余|多)?(人次|条|篇|件|宗|起|次|项|个|份|则|例|元)/g;
// 「信息数170,」: a count whose unit is the 数 before it.
const BARE_COUNT = /(?<=数)(\d+)(?=[,。;])/g;
// A count followed by one of these nouns counts rules, tasks or columns, not items (「13项制度」).
const NOT_ITEMS = /^(制度|措施|举措|工作|任务|要求|栏目|专栏|目录|指标|问题|清单|方面|领域|类别|大类|个?工作日)/;

function timesTenThousand(digits: string): number {
  const [int = '0', frac = ''] = digits.split('.');
  const padded = frac.padEnd(4, '0');
  return Number(`${int}${padded.slice(0, 4)}.${padded.slice(4) || '0'}`);
}

function counts(sentence: string, bare: string): Count[] {
  const found = [...sentence.matchAll(COUNT)].map((m): Count => {
    const [raw, pre, digits = '0', more1, wan, more2, unit = ''] = m;
    const qualifier: Qualifier =
      pre === '约' ? 'about' : pre === '近' ? 'nearly' : pre === '逾' || pre === '超过' || more1 || more2 ? 'at_least' : 'exact';
    const value = wan ? timesTenThousand(digits) : Number(digits);
    const start = m.index + (pre?.length ?? 0);
    return { start, end: m.index + raw.length, value, qualifier, unit, raw, aside: bare[start] === '·' };
  });
  for (const m of sentence.matchAll(BARE_COUNT)) {
    found.push({ start: m.index, end: m.index + m[0].length, value: Number(m[0]), qualifier: 'exact', unit: '', raw: m[0], aside: false });
  }
  return found.filter((c) => !NOT_ITEMS.test(sentence.slice(c.end))).sort((a, b) => a.start - b.start);
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

const CHANGE_BEFORE = /(增加|减少|增长|下降|上升|提高|降低|新增了?|比上年|较上年|同比|第)$/;

/** Clauses are separated by commas, colons and semicolons outside brackets (full-width forms are folded). */
function clauseAround(bare: string, at: number): { start: number; text: string } {
  const before = bare.slice(0, at);
  const start = Math.max(before.lastIndexOf(','), before.lastIndexOf(':'), before.lastIndexOf(';')) + 1;
  const rest = bare.slice(at).search(/[,:;]/);
  const end = rest < 0 ? bare.length : at + rest;
  return { start, text: bare.slice(start, end) };
}

function section(lines: readonly string[]): string[] {
  let top = '';
  let sub = '';
  return lines.map((line) => {
    const head = /^([一二三四五六七八九十]+)、/.exec(line);
    if (head?.[1]) {
      top = head[1];
      sub = '';
    }
    const part = /^\(([一二三四五六七八九十]+)\)/.exec(line);
    if (part?.[1]) sub = part[1];
    return top === '' ? 'narrative' : `${top}${sub === '' ? '' : `(${sub})`} narrative`;
  });
}

// Counts of things that are not disclosure figures (T4): hotline calls, consultations, letters, mailbox.
const NOT_DISCLOSURE = /热线|12345|投诉|咨询|信访|信箱|来信|留言|举报|建议|提案|人次/;
const PROACTIVE_VERB = /公开|公示|公布|发布|推送|产生|刊发|刊登|更新|上传|推出|编发/g;
const PROACTIVE_SKIP =
  /申请|复议|诉讼|收费|费用|订阅|粉丝|关注|访问|浏览|点击|阅读|回复|答复|回应|培训|会议|发布会|访谈|审核|审查|报送|上报|转载|征集|整改|问题|意见|纠错|短信|办件|事项/;
const CUMULATIVE = /历年|至今|建站以来|开通以来|运行以来|累计至|截至目前|截止目前/;
// Several channels named together, or channels left open (等…, 及其他): the count spans channels.
// 「等新闻媒体发布」 names one channel type, so 媒/闻 end the lookahead.
const SPREAD =
  /等(渠道|平台|形式|方式|途径)|等[^,;。媒闻]{0,6}?(公开|发布|推送)|及其他|多种|各类渠道|不同渠道|多渠道|各渠道|渠道和方式|不同方式|各种方式|各信息发布/;

type Channel = 'own_site' | 'portal' | 'wechat' | 'weibo' | 'app' | 'media';

const CHANNELS: readonly [Channel, RegExp][] = [
  ['wechat', /微信|公众号/g],
  ['weibo', /微博|官微/g],
  ['app', /(?<!微博|微信)客户端|app|移动端/gi],
  ['media', /(?<!新)媒体|报刊|报纸|电视|广播|电台|日报/g],
  ['own_site', /网站|网页|政务网|政府网|公开网|公开平台|公开专栏|信息公开栏目/g],
];

/** Channel words in order; 「微信公众号」 is one mention, not two. */
function channelMentions(segment: string): { channel: Channel; at: number }[] {
  const all = CHANNELS.flatMap(([channel, pattern]) => [...segment.matchAll(pattern)].map((m) => ({ channel, at: m.index })));
  return all
    .sort((a, b) => a.at - b.at)
    .filter((m, i, sorted) => {
      const previous = sorted[i - 1];
      return !previous || previous.channel !== m.channel || m.at - previous.at > 3;
    });
}

/** The channel named closest before a count, or null. Government portals are told apart from own sites. */
function channelOf(segment: string): Channel | null {
  const last = channelMentions(segment).at(-1);
  if (!last) return null;
  if (last.channel !== 'own_site') return last.channel;
  const site = segment.slice(0, last.at + 4);
  const ownSite = /(局|委|厅|部|机关|单位|部门)(门户)?(政务)?网站/.test(site) && !/政府(门户)?网/.test(site);
  return ownSite ? 'own_site' : /门户|政府网|政务网|人民政府/.test(site) ? 'portal' : 'own_site';
}

/** Reads one report's prose. Site counts are held back until the end to decide website against portal. */
export function readNarrative(lines: readonly string[], ctx: NarrativeContext, out: Proposals): void {
  const locators = section(lines);
  const sites: { kind: 'own_site' | 'portal'; count: Count; locator: string; confidence: number }[] = [];
  const feeKey = ctx.legacy ? 'fees.legacy.amount_yuan' : 'fees.info_processing.collected_yuan';

  const propose = (metric: string, count: Pick<Count, 'value' | 'qualifier'>, locator: string, confidence: number) =>
    out.add({ metric, value: count.value, qualifier: count.qualifier, locator, confidence });
  const zero = { value: 0, qualifier: 'exact' as const };

  lines.forEach((line, index) => {
    const locator = locators[index] ?? 'narrative';
    if (line.includes('|')) return;
    const text = line.replace(/\s+/g, '').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
    for (const sentence of text.split(/(?<=[。!?])/)) {
      const bare = maskAsides(sentence);
      const used = new Set<number>();
      const all = counts(sentence, bare).filter((c) => {
        if (CHANGE_BEFORE.test(sentence.slice(Math.max(0, c.start - 4), c.start))) return false;
        if (c.unit !== '元' && ctx.year !== null && Number.isInteger(c.value) && Math.abs(c.value - ctx.year) <= 1 && c.raw.length >= 5) {
          out.warn(`${locator}: "${c.raw}" looks like a year printed as a count; not taken`);
          return false;
        }
        return true;
      });
      fees(sentence, all, used, locator);
      appeals(sentence, bare, all, used, locator);
      requests(sentence, bare, all, used, locator);
      proactiveTables(bare, all, used, locator);
      proactive(sentence, bare, all, used, locator);
      for (const c of all) {
        if (!used.has(c.start) && NOT_DISCLOSURE.test(clauseAround(bare, c.start).text) && !/申请/.test(sentence)) {
          out.warn(`${locator}: skipped "${c.raw}" (hotline, consultation, complaint, letter or mailbox count; not a disclosure figure)`);
        }
      }
    }
  });

  const hasOwn = sites.some((s) => s.kind === 'own_site');
  for (const s of sites) {
    const metric = s.kind === 'portal' && hasOwn ? 'proactive.portal' : 'proactive.website';
    propose(metric, s.count, s.locator, s.confidence);
  }

  function fees(sentence: string, all: Count[], used: Set<number>, locator: string): void {
    if (!/费/.test(sentence) || /行政事业性/.test(sentence)) return;
    const disclosure = /信息公开|依申请|信息处理费|收费及减免|检索|复制|复印|邮寄|邮递|公开申请/.test(sentence);
    const key = /信息处理费/.test(sentence) ? 'fees.info_processing.collected_yuan' : feeKey;
    for (const c of all) {
      if (c.unit !== '元' || used.has(c.start)) continue;
      if (/(收取|实收|收费|缴纳)[^,;。]{0,16}$/.test(sentence.slice(0, c.start)) && disclosure) {
        used.add(c.start);
        propose(key, c, locator, 0.7);
      }
    }
    const none = /(未|没有|无|不存在|均未|从未|不)(任何)?(收取|进行|发生|产生|涉及|存在)?[^,;。]{0,16}?(费用|收费|信息处理费)/.exec(
      sentence,
    );
    if (none && disclosure && !all.some((c) => c.unit === '元')) propose(key, zero, locator, 0.8);
  }

  function appeals(sentence: string, bare: string, all: Count[], used: Set<number>, locator: string): void {
    if (!/复议|诉讼/.test(sentence)) return;
    const clauses = new Set(all.map((c) => clauseAround(bare, c.start).start));
    for (const c of all) {
      if (used.has(c.start) || c.unit === '元') continue;
      const clause = clauseAround(bare, c.start).text;
      const review = /复议/.test(clause) && !/复议后起诉/.test(clause);
      const suit = /诉讼/.test(clause);
      if (!review && !suit) continue;
      used.add(c.start);
      if (review && suit) {
        out.warn(`${locator}: "${c.raw}" counts review and litigation together; not taken`);
        continue;
      }
      propose(review ? 'appeals.review.total' : 'appeals.litigation.total', c, locator, 0.7);
    }
    // "None" statements: a negation that governs 复议/诉讼 in a clause without a count of its own.
    for (const m of bare.matchAll(/(未|没有|无(?!法|正当)|不存在|均未)[^,;。]{0,40}?(复议|诉讼)/g)) {
      const clause = clauseAround(bare, m.index);
      if (clauses.has(clause.start) || /不及时/.test(clause.text)) continue;
      const span = clause.text.slice(m.index - clause.start);
      if (/复议(?!后起诉)/.test(span)) propose('appeals.review.total', zero, locator, 0.85);
      if (/诉讼/.test(span)) propose('appeals.litigation.total', zero, locator, 0.85);
      if (ctx.legacy && /申诉/.test(span)) propose('appeals.complaint.total', zero, locator, 0.85);
    }
  }

  function requests(sentence: string, bare: string, all: Count[], used: Set<number>, locator: string): void {
    if (!/申请/.test(sentence)) return;
    const countClauses = new Set(all.map((c) => clauseAround(bare, c.start).start));
    const none =
      /(未|没有|无|尚未)(收到|受理|接到|接收|发生|办理)(过|任何|到)?[^,;。]{0,25}?(信息公开|依申请|公开申请|申请公开)|(无|没有)(政府信息)?依申请公开(事项|政府信息|情况|申请|办理)?/g;
    for (const m of bare.matchAll(none)) {
      const after = bare.slice(m.index + m[0].length, m.index + m[0].length + 12);
      // 「未收到因政府信息公开申请引起的行政复议」 is about appeals, not requests.
      if (/因/.test(m[0]) || /复议|诉讼/.test(after.slice(0, 8)) || !/申请/.test(m[0] + after)) continue;
      if (countClauses.has(clauseAround(bare, m.index).start)) continue;
      propose('requests.new.total', zero, locator, 0.85);
    }
    for (const c of all) {
      if (used.has(c.start) || c.unit === '元' || c.unit === '人次') continue;
      const clause = clauseAround(bare, c.start).text;
      if (/复议|诉讼/.test(clause)) continue;
      if (CUMULATIVE.test(clause)) {
        used.add(c.start);
        out.warn(`${locator}: "${c.raw}" is described as cumulative (历年/至今/建站以来); not taken (T9)`);
        continue;
      }
      if (NOT_DISCLOSURE.test(clause)) {
        used.add(c.start);
        out.warn(`${locator}: skipped "${c.raw}" (hotline, consultation, complaint or letter count, not a disclosure request)`);
        continue;
      }
      const before = sentence.slice(0, c.start);
      if (/含[^,;。]{0,12}?结转$/.test(before)) {
        used.add(c.start);
        propose('requests.carried_in.total', c, locator, 0.7);
        continue;
      }
      const aboutRequests = /申请/.test(clause) && !/作为依申请/.test(clause);
      const take = (metric: string, confidence: number) => {
        used.add(c.start);
        propose(metric, c, locator, confidence);
      };
      if (/予以公开|同意公开|全部公开/.test(clause) && !/部分/.test(clause)) take('requests.outcome.disclosed.total', 0.6);
      else if (/部分公开/.test(clause)) take('requests.outcome.partial.total', 0.6);
      else if (/无法提供/.test(clause) && /不属于本|不掌握|非本(机关|部门|单位)/.test(clause))
        take('requests.outcome.unable.not_held.total', 0.6);
      else if (aboutRequests && /收到|受理|接收|接到|新收|提出/.test(clause)) {
        const includesCarryOver = /含[^,;。]{0,12}?结转/.test(sentence.slice(c.end, c.end + 20));
        // With the section 三 table read, the prose count is the R5 cross-check, not a second new.total.
        const fromTable = out.get('requests.new.total')?.locator.startsWith('表三') ?? false;
        if (fromTable && out.get('requests.new.total')?.value === c.value) continue;
        take(includesCarryOver || fromTable ? 'requests.narrative.total' : 'requests.new.total', 0.8);
        if (includesCarryOver) out.warn(`${locator}: request count ${c.value} includes carry-over; recorded as requests.narrative.total`);
      } else if (/办理|办结/.test(clause)) take('requests.handled', 0.6);
      else if (/依申请公开[^,;。]{0,6}$/.test(bare.slice(0, c.start))) take('requests.new.total', 0.6);
    }
  }

  /** Section 二 figures stated in prose: 「制发规范性文件1件,废止0件,现行有效2件」, 「未制发或废止规章及规范性文件」. */
  function proactiveTables(bare: string, all: Count[], used: Set<number>, locator: string): void {
    if (ctx.legacy || (ctx.year !== null && ctx.year < 2021) || !/规范性文件|规章/.test(bare)) return;
    const kinds = [/规章/.test(bare) ? 'rules' : null, /规范性文件/.test(bare) ? 'normative_docs' : null].filter((k) => k !== null);
    if (/(未|没有|无)制发(或|和|、)?废止/.test(bare)) {
      for (const kind of kinds) {
        propose(`proactive.art20_1.${kind}.issued`, zero, locator, 0.7);
        propose(`proactive.art20_1.${kind}.repealed`, zero, locator, 0.7);
      }
      return;
    }
    if (kinds.length !== 1) return;
    for (const c of all) {
      const before = bare.slice(Math.max(0, c.start - 12), c.start);
      const column = /制发[^,;。]*$/.test(before)
        ? 'issued'
        : /废止$/.test(before)
          ? 'repealed'
          : /现行有效$/.test(before)
            ? 'in_force'
            : null;
      if (column === null || used.has(c.start)) continue;
      used.add(c.start);
      propose(`proactive.art20_1.${kinds[0] ?? ''}.${column}`, c, locator, 0.6);
    }
  }

  function proactive(sentence: string, bare: string, all: Count[], used: Set<number>, locator: string): void {
    const open = all.filter((c) => !used.has(c.start) && c.unit !== '元' && c.unit !== '人次');
    if (/(无|没有)(政策)?解读/.test(bare) && !all.some((c) => /解读/.test(clauseAround(bare, c.start).text))) {
      propose('proactive.interpretations', zero, locator, 0.6);
    }
    if (open.length === 0 || !new RegExp(PROACTIVE_VERB.source).test(sentence)) return;
    const cumulative = /累计/.test(sentence);
    // "N posts in all, of which M were disclosure items": M is the disclosure count (seen in 2018 reports).
    const disclosureShare = /其中(政府)?信息公开(?:类)?$|其中主动公开(政府信息)?$/;
    const inSentence: { metric: string; count: Count }[] = [];
    let previousEnd = 0;
    for (const c of open) {
      const clause = clauseAround(bare, c.start);
      // Channels named in earlier clauses without a verb of their own still belong to this count.
      let spanStart = clause.start;
      while (spanStart > previousEnd + 1) {
        const earlier = clauseAround(bare, spanStart - 2);
        if (earlier.start < previousEnd || new RegExp(PROACTIVE_VERB.source).test(earlier.text)) break;
        spanStart = earlier.start;
      }
      const span = bare.slice(Math.max(spanStart, previousEnd), c.start);
      const segment = bare.slice(Math.max(clause.start, previousEnd), c.start);
      const inClause = bare.slice(clause.start, c.start);
      previousEnd = c.end;
      if (/申请/.test(bare.slice(0, c.start))) continue;
      if (CUMULATIVE.test(clause.text)) {
        out.warn(`${locator}: "${c.raw}" is described as cumulative (历年/至今/建站以来); not taken (T9)`);
        continue;
      }
      const part = c.aside || /其中/.test(bare.slice(0, c.start));
      if (disclosureShare.test(bare.slice(0, c.start))) {
        // The larger count of the same sentence, whether read as a total or as a site count, is all posts.
        const earlier = out.get('proactive.total');
        if (earlier && open.some((o) => o.value === earlier.value && o.start < c.start)) out.remove(earlier);
        for (let i = sites.length - 1; i >= 0; i--) if (open.some((o) => o === sites[i]?.count)) sites.splice(i, 1);
        out.warn(`${locator}: the sentence counts all posts and, of them, ${c.value} disclosure items; took ${c.value} as proactive.total`);
        propose('proactive.total', c, locator, 0.6);
        continue;
      }
      if (/规范性文件(数|共|共计)?$/.test(inClause)) {
        propose('proactive.normative_docs', c, locator, 0.7);
        continue;
      }
      if (/解读[^,;。]{0,8}$/.test(inClause)) {
        if (!part) propose('proactive.interpretations', c, locator, 0.7);
        continue;
      }
      if (PROACTIVE_SKIP.test(segment)) continue;
      const mentions = channelMentions(span);
      const channel = channelOf(segment) ?? channelOf(span);
      const verbs = [...inClause.matchAll(PROACTIVE_VERB)];
      if (verbs.length === 0 && channel === null) continue;
      // What is counted: the words after the last verb or channel. Only "information" in general is a
      // disclosure count; 「工作动态97篇」 or 「重点项目信息120条」 is a category (T3, 邹城 pattern).
      const lastVerb = verbs.at(-1);
      const lastChannel = channelMentions(inClause).at(-1);
      const from = Math.max(lastVerb ? lastVerb.index + lastVerb[0].length : 0, lastChannel ? lastChannel.at + 2 : 0);
      const object = inClause.slice(from);
      if (NOT_DISCLOSURE.test(object)) continue;
      const what = object
        .slice(object.lastIndexOf('等') + 1)
        .replace(
          /共计|合计|总计|累计|共|计|达|约|近|逾|超过|各类|各项|相关|方面|了|的|政府|政务|交通运输|交通|主动|公开|发布|上|中|里|站|号/g,
          '',
        );
      if (!/^(动态信息|信息|条目|信息动态|信息数|信息总数)?$/.test(what)) continue;
      const spread = SPREAD.test(span) || new Set(mentions.map((m) => m.channel)).size >= 2;
      const listed = all.filter((o) => clauseAround(bare, o.start).start === clause.start).length >= 2;
      const confidence = cumulative ? 0.6 : 0.75;
      if (c.value === 0 && mentions.length > 0 && (spread || new Set(mentions.map((m) => m.channel)).size >= 2)) {
        // 「利用微信、微博等形式公开0条」: zero across channels is zero on each.
        for (const m of mentions)
          if (m.channel !== 'own_site' && m.channel !== 'portal') propose(`proactive.${m.channel}`, c, locator, 0.6);
        continue;
      }
      if (channel === null || spread) {
        if (part) continue;
        if (listed && channel === null) {
          out.warn(`${locator}: "${c.raw}" is one of several category counts without a total; not taken`);
          continue;
        }
        propose('proactive.total', c, locator, confidence);
        continue;
      }
      const metric = `proactive.${channel}`;
      const sameChannel = inSentence.find((s) => s.metric === metric);
      // A part of a channel already counted in this sentence is its breakdown (「其中省级媒体38篇」).
      if (part && sameChannel) continue;
      if (sameChannel && sameChannel.count.value !== c.value) {
        // Two counts for one channel in one sentence (two media outlets, two sites): neither is the channel's.
        const earlier = out.get(metric);
        if (earlier && earlier.value === sameChannel.count.value) out.remove(earlier);
        for (let i = sites.length - 1; i >= 0; i--) if (sites[i]?.count === sameChannel.count) sites.splice(i, 1);
        out.warn(`${locator}: two ${channel} counts (${sameChannel.count.raw}, ${c.raw}) in one sentence; neither taken`);
        continue;
      }
      inSentence.push({ metric, count: c });
      if (channel === 'own_site' || channel === 'portal') sites.push({ kind: channel, count: c, locator, confidence });
      else propose(metric, c, locator, confidence);
    }
  }
}

/**
 * Small summary tables of older reports: a row of labels over a row of numbers (依申请公开情况 | 收费及减免情况 |
 * …). Only labels that name one figure are read.
 */
export function readSummaryRows(lines: readonly string[], ctx: NarrativeContext, out: Proposals): void {
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
      out.add({ metric, value, qualifier: 'exact', locator: `summary table ${label}`, confidence: 0.6 });
    });
  });
}

function summaryMetric(label: string, ctx: NarrativeContext): string | null {
  if (/行政事业性/.test(label)) return null;
  if (/收费/.test(label)) return ctx.legacy ? 'fees.legacy.amount_yuan' : 'fees.info_processing.collected_yuan';
  if (/维持|纠正|结果|审结|起诉/.test(label)) return null;
  if (/复议/.test(label) && !/诉讼/.test(label)) return 'appeals.review.total';
  if (/诉讼/.test(label) && !/复议/.test(label)) return 'appeals.litigation.total';
  if (/依申请公开|申请数|申请情况|受理申请/.test(label)) return 'requests.new.total';
  return null;
}
