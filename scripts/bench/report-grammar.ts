/**
 * A small phrase grammar for synthetic report pages whose figures are known by construction. Written for this
 * project in the varied wording of real reports (several ways to say each thing, numbers with 余/多/约/近/超过/
 * 左右/万, channels named in different orders, breakdowns, distractors that must yield nothing), not from the
 * extraction rules' own word lists, so that the tests built on it can find what the rules miss. Every number is
 * drawn at random; no figure of a real report is reproduced. The bench writes 1,000 such pages to time the
 * batch command.
 */

/** mulberry32: a small seeded generator, enough for test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ExpectedFigure {
  metric: string;
  value: number;
  qualifier: 'exact' | 'at_least' | 'about' | 'nearly';
}

export interface GrammarReport {
  /** The page as saved: plain text or HTML. */
  page: string;
  html: boolean;
  agency: string;
  year: number;
  figures: ExpectedFigure[];
  /** Each sentence with the figures it states, to say which phrasing a failure came from. */
  sentences: { text: string; figures: ExpectedFigure[] }[];
}

class Draw {
  readonly next: () => number;
  constructor(next: () => number) {
    this.next = next;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A printed number and what it records: 120 exact, 120余 at least, 约120 about, 1.2万余 → 12000 at least. */
interface Printed {
  text: (unit: string) => string;
  value: number;
  qualifier: ExpectedFigure['qualifier'];
}

function printed(d: Draw, min: number, max: number, options: { approximate?: boolean } = {}): Printed {
  const drawn = d.int(min, max);
  // A count that reads as a year (2021条) is left out by a rule of its own (fixture f12); none is drawn here.
  const n = drawn >= 2000 && drawn <= 2030 ? drawn + 100 : drawn;
  // Thousands separators, as some pages print them.
  if (n >= 1000 && d.chance(0.15)) return { text: (u) => `${n.toLocaleString('en-US')}${u}`, value: n, qualifier: 'exact' };
  if (!options.approximate || d.chance(0.55)) return { text: (u) => `${n}${u}`, value: n, qualifier: 'exact' };
  const form = d.int(0, 6);
  // Round numbers for the approximate forms, as reports print them.
  const round = Math.max(10, Math.round(n / 10) * 10);
  switch (form) {
    case 0:
      return { text: (u) => `${round}余${u}`, value: round, qualifier: 'at_least' };
    case 1:
      return { text: (u) => `${round}多${u}`, value: round, qualifier: 'at_least' };
    case 2:
      return { text: (u) => `约${round}${u}`, value: round, qualifier: 'about' };
    case 3:
      return { text: (u) => `近${round}${u}`, value: round, qualifier: 'nearly' };
    case 4:
      return { text: (u) => `超过${round}${u}`, value: round, qualifier: 'at_least' };
    case 5:
      return { text: (u) => `${round}${u}左右`, value: round, qualifier: 'about' };
    default: {
      const tenths = d.int(11, 49);
      return d.chance(0.5)
        ? { text: (u) => `${tenths / 10}万余${u}`, value: tenths * 1000, qualifier: 'at_least' }
        : { text: (u) => `${tenths / 10}万${u}`, value: tenths * 1000, qualifier: 'exact' };
    }
  }
}

const fig = (metric: string, p: Pick<Printed, 'value' | 'qualifier'>): ExpectedFigure => ({
  metric,
  value: p.value,
  qualifier: p.qualifier,
});

/** Departments and governments to write about (names only; no figure of theirs is used). */
const BODIES = [
  { name: '杭州市余杭区商务局', self: ['我局', '区商务局'], government: false },
  { name: '青岛市教育局', self: ['我局', '市教育局'], government: false },
  { name: '成都市武侯区卫生健康局', self: ['我局', '区卫生健康局'], government: false },
  { name: '黑龙江省市场监督管理局', self: ['我局', '省市场监管局'], government: false },
  { name: '重庆市渝中区生态环境局', self: ['我局', '区生态环境局'], government: false },
  { name: '木兰县人民政府办公室', self: ['县政府办公室', '我办'], government: true },
  { name: '广州市财政局', self: ['我局', '市财政局'], government: false },
  { name: '郑州市金水区人民政府办公室', self: ['区政府办公室', '我办'], government: true },
] as const;

type Body = (typeof BODIES)[number];

type Part = { text: string; figures: ExpectedFigure[] };

// ---------------------------------------------------------------------------------------------------------
// Proactive disclosure.

function proactive(d: Draw, body: Body, year: number): Part[] {
  const self = d.pick(body.self);
  const parts: Part[] = [];
  const total = printed(d, 60, 3000, { approximate: true });
  const site = d.pick(['门户网站', '政府网站', '局门户网站', '政府信息公开专栏', '区政府门户网站']);
  const withTotal = d.chance(0.6);
  if (withTotal) {
    const opening = d.pick([
      (n: string) => `${year}年,${self}共主动公开政府信息${n}。`,
      (n: string) => `全年累计主动公开各类政府信息${n}。`,
      (n: string) => `本年度${self}通过门户网站、政务微信、政务微博等渠道主动公开信息${n}。`,
      (n: string) => `${year}年全年主动公开政务信息共计${n}。`,
      (n: string) => `${self}全年通过多种渠道公开政府信息${n}。`,
      (n: string) => `通过政府网站、政务新媒体等平台,${self}共主动发布各类业务信息${n}。`,
      (n: string) => `${year}年度主动公开信息总数${n}。`,
    ]);
    const figures = [fig('proactive.total', total)];
    let text = opening(total.text('条'));
    // A change on the previous year, after the count it belongs to.
    if (d.chance(0.35)) {
      const up = d.chance(0.6);
      if (d.chance(0.5)) {
        const pct = d.int(11, 399) / 10;
        text = text.replace(
          /。$/,
          `,${d.pick(['同比', '较上年', '比上年'])}${up ? d.pick(['增长', '增加', '上升']) : d.pick(['下降', '减少'])}${pct}%。`,
        );
        figures.push({ metric: 'proactive.total.change_pct', value: up ? pct : -pct, qualifier: 'exact' });
      } else {
        const delta = d.int(2, 90);
        text = text.replace(
          /。$/,
          `,${d.pick(['比上年', '较上年', '较2022年'.replace('2022', String(year - 1))])}${up ? '增加' : '减少'}${delta}条。`,
        );
        figures.push({ metric: 'proactive.total.change', value: up ? delta : -delta, qualifier: 'exact' });
      }
    }
    parts.push({ text, figures });
    // A breakdown by channel, or by category (categories are not recorded).
    if (d.chance(0.5)) {
      const web = d.int(20, 900);
      const wechat = d.int(10, 600);
      parts.push({
        text: d.pick([
          `其中,通过${site}发布${web}条,通过微信公众号推送${wechat}条。`,
          `其中${site}公开${web}条,政务微信发布信息${wechat}篇。`,
        ]),
        figures: [
          fig('proactive.website', { value: web, qualifier: 'exact' }),
          fig('proactive.wechat', { value: wechat, qualifier: 'exact' }),
        ],
      });
    } else if (d.chance(0.5)) {
      parts.push({
        text: `其中${d.pick(['政务动态', '工作动态'])}${d.int(10, 400)}条,${d.pick(['通知公告', '公示公告'])}${d.int(1, 90)}条,${d.pick(['人事信息', '财政信息', '规划计划'])}${d.int(1, 30)}条。`,
        figures: [],
      });
    }
  } else {
    // Channels without a total: none is summed into one.
    const web = printed(d, 20, 2000, { approximate: true });
    const wechat = printed(d, 10, 900, { approximate: true });
    const weibo = d.int(5, 500);
    const webText = d.pick([
      (n: string) => `在${site}主动公开政府信息${n}`,
      (n: string) => `通过${site}发布各类信息${n}`,
      (n: string) => `${site}全年更新发布信息${n}`,
    ])(web.text('条'));
    const wechatText = d.pick([
      (n: string) => `通过“${body.name.slice(0, 2)}发布”微信公众号推送信息${n}`,
      (n: string) => `微信公众号发布稿件${n}`,
      (n: string) => `在微信公众号上公开信息${n}`,
      (n: string) => `“${body.name.slice(0, 2)}政务”公众号全年推送${n}`,
    ])(wechat.text('篇'));
    const weiboText = d.pick([`官方微博发布信息${weibo}条`, `政务微博更新${weibo}条`]);
    // A short lead-in naming the site, then the site's count in a sentence of its own.
    if (d.chance(0.25)) {
      const lead = d.pick([`依托${site}抓好政府信息全面发布。`, `坚持把${site}作为信息公开第一平台。`]);
      parts.push({ text: `${lead}全年共发布信息${web.text('条')}。`, figures: [fig('proactive.website', web)] });
      parts.push({
        text: `${year}年,${self}${wechatText},${weiboText}。`,
        figures: [fig('proactive.wechat', wechat), fig('proactive.weibo', { value: weibo, qualifier: 'exact' })],
      });
    } else
      parts.push({
        text: `${year}年,${self}${webText},${wechatText},${weiboText}。`,
        figures: [
          fig('proactive.website', web),
          fig('proactive.wechat', wechat),
          fig('proactive.weibo', { value: weibo, qualifier: 'exact' }),
        ],
      });
  }
  if (d.chance(0.3)) {
    // Categories without a total: none of them is the total (主动公开政务动态34条,公告公示3条 …).
    parts.push(
      d.pick([
        { text: `主动公开政务动态${d.int(10, 300)}条,公告公示${d.int(1, 40)}条,规划计划${d.int(1, 9)}条。`, figures: [] },
        { text: `此外,党务公开${d.int(5, 80)}条,廉政信息${d.int(1, 30)}条。`, figures: [] },
        { text: `发布工作动态${d.int(20, 200)}篇、通知公告${d.int(3, 60)}篇。`, figures: [] },
      ]),
    );
  }
  if (d.chance(0.4)) {
    const media = d.int(5, 300);
    parts.push({
      text: d.pick([
        `通过报刊、广播、电视等其他方式公开${media}条。`,
        `在各级新闻媒体刊发稿件${media}篇。`,
        `借助主流媒体发布宣传报道${media}篇。`,
      ]),
      figures: [fig('proactive.media', { value: media, qualifier: 'exact' })],
    });
  }
  if (d.chance(0.6)) {
    const readings = d.int(1, 120);
    parts.push({
      text: d.pick([
        `发布政策解读${readings}篇,召开新闻发布会${d.int(1, 9)}场。`,
        `围绕重要政策文件,制作发布解读材料${readings}件。`,
        `全年发布政策解读稿件${readings}条,回应社会关切${d.int(2, 40)}次。`,
        `公开文件${d.int(5, 60)}件,其中政策解读${readings}条。`,
        `通过门户网站发布区政府文件${d.int(5, 60)}件、政府会议${d.int(2, 30)}条、政策解读${readings}篇。`,
        `加大解读力度,通过多渠道、多形式发布政策解读${readings}份。`,
        `制作政策文字解读及图片解读${readings}条,组织在线访谈${d.int(1, 9)}次。`,
        `解读信息发布总数${readings}条,意见征集数${d.int(1, 9)}条。`,
      ]),
      figures: [fig('proactive.interpretations', { value: readings, qualifier: 'exact' })],
    });
  }
  if (d.chance(0.5)) {
    const docs = d.int(0, 30);
    parts.push(
      docs === 0
        ? {
            text: d.pick(['本年度未出台行政规范性文件。', '全年未制定新的规范性文件。']),
            figures: [fig('proactive.normative_docs', { value: 0, qualifier: 'exact' })],
          }
        : {
            text: d.pick([`全年制定并公开规范性文件${docs}件。`, `发布行政规范性文件${docs}件,均同步开展解读。`]),
            figures: [fig('proactive.normative_docs', { value: docs, qualifier: 'exact' })],
          },
    );
  }
  // Distractors: numbers that are not disclosure figures.
  parts.push(
    d.pick([
      { text: `网站全年访问量达${d.int(2, 90)}万次,日均发布信息${d.int(3, 40)}条。`, figures: [] },
      { text: `全年接听政务咨询电话${d.int(20, 900)}人次,办理12345热线工单${d.int(10, 800)}件。`, figures: [] },
      { text: `建立健全信息公开工作制度${d.int(3, 12)}项,组织专题培训${d.int(1, 8)}次。`, figures: [] },
      { text: `网站开通以来累计发布信息${d.int(3000, 90000)}条。`, figures: [] },
      { text: `门户网站日均发布政务信息${d.int(3, 60)}余条。`, figures: [] },
    ]),
  );
  // The jurisdiction's counts in a body's own report are not its own.
  if (!body.government && d.chance(0.3)) {
    parts.push({ text: `市级各部门、各县区通过各自网站主动公开政府信息${d.int(200, 9000)}余条。`, figures: [] });
  }
  // Decisions published in the narrative (section 二's keys).
  if (d.chance(0.3)) {
    const licensing = d.int(1, 900);
    const penalty = d.int(1, 900);
    parts.push({
      text: d.pick([
        `全年作出行政许可${licensing}件、行政处罚${penalty}件,均依法公示。`,
        `本年度办理行政许可${licensing}件,作出行政处罚决定${penalty}件。`,
      ]),
      figures: [
        fig('proactive.art20_5.licensing.decisions', { value: licensing, qualifier: 'exact' }),
        fig('proactive.art20_6.penalty.decisions', { value: penalty, qualifier: 'exact' }),
      ],
    });
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------------------
// Requests, reviews and lawsuits, fees.

function requests(d: Draw, body: Body, year: number): Part[] {
  const self = d.pick(body.self);
  const parts: Part[] = [];
  if (d.chance(0.15)) {
    parts.push({
      text: d.pick([
        `${year}年,${self}未收到政府信息公开申请。`,
        '本年度无依申请公开事项。',
        `全年${self}没有收到公民、法人或其他组织提出的政府信息公开申请。`,
        `${self}全年未收到申请人提出的依申请公开信息。`,
      ]),
      figures: [fig('requests.new.total', { value: 0, qualifier: 'exact' })],
    });
  } else if (d.chance(0.2)) {
    const handled = d.int(1, 300);
    parts.push({
      text: d.pick([
        `全年共办理政府信息公开申请${handled}件,均在法定期限内答复。`,
        `${self}全年办结依申请公开事项${handled}件。`,
        `全年依法答复政府信息公开申请${handled}件。`,
      ]),
      figures: [fig('requests.handled', { value: handled, qualifier: 'exact' })],
    });
  } else {
    const fresh = d.int(3, 600);
    const carriedIn = d.int(0, 20);
    const carriedOut = d.int(0, Math.min(30, fresh));
    const figures: ExpectedFigure[] = [];
    let text: string;
    if (d.chance(0.15) && carriedIn > 0) {
      // The sum of new and carried-over requests stated after both.
      text = `${d.pick(['全年', `${year}年,${self}`])}新受理政府信息公开申请${fresh}件,${d.pick(['上年结转', `${year - 1}年结转政府信息公开申请`])}${carriedIn}件,${d.pick(['共计', '合计'])}${fresh + carriedIn}件`;
      figures.push(
        fig('requests.new.total', { value: fresh, qualifier: 'exact' }),
        fig('requests.carried_in.total', { value: carriedIn, qualifier: 'exact' }),
        fig('requests.narrative.total', { value: fresh + carriedIn, qualifier: 'exact' }),
      );
    } else if (d.chance(0.3) && carriedIn > 0) {
      const all = fresh + carriedIn;
      text = d.pick([
        `全年共受理政府信息公开申请${all}件(含上年结转${carriedIn}件)`,
        `${self}共接收并办理依申请公开${all}件(含上年度结转${carriedIn}件)`,
      ]);
      figures.push(
        fig('requests.narrative.total', { value: all, qualifier: 'exact' }),
        fig('requests.carried_in.total', { value: carriedIn, qualifier: 'exact' }),
      );
    } else {
      text = d.pick([
        `${year}年,${self}共收到政府信息公开申请${fresh}件`,
        `全年新收政府信息公开申请${fresh}件`,
        `本年度受理依申请公开${fresh}件`,
        `全年共接到公民、法人和其他组织提出的政府信息公开申请${fresh}件`,
        `全年收到公民、法人和其他组织政府信息公开申请共${fresh}件`,
        `全年共受理公民、法人和其他社会组织政府信息公开申请${fresh}件(主要涉及征地拆迁、社会保障等方面)`,
      ]);
      figures.push(fig('requests.new.total', { value: fresh, qualifier: 'exact' }));
      // A change on the previous year, right after the count it belongs to.
      if (d.chance(0.25)) {
        const delta = d.int(1, 40);
        const up = d.chance(0.5);
        text += `,${d.pick(['比上年', '较上年', '同比'])}${up ? '增加' : '减少'}${delta}件`;
        figures.push({ metric: 'requests.new.total.change', value: up ? delta : -delta, qualifier: 'exact' });
      }
      if (d.chance(0.5)) {
        text += d.pick([`,上年结转${carriedIn}件`, `,结转上年度申请${carriedIn}件`, `,上年度结转${carriedIn}件`]);
        figures.push(fig('requests.carried_in.total', { value: carriedIn, qualifier: 'exact' }));
      }
    }
    if (d.chance(0.6)) {
      text += d.pick([`,结转下年度继续办理${carriedOut}件`, `,${carriedOut}件结转下年办理`, `,${carriedOut}件转下一年度办理`]);
      figures.push(fig('requests.carried_out.total', { value: carriedOut, qualifier: 'exact' }));
    }
    parts.push({ text: `${text}。`, figures });
    if (d.chance(0.25)) {
      const disclosed = d.int(1, 9);
      const file = d.int(1, 9);
      parts.push({
        text: `办理结果中,公开${disclosed}起,${d.pick(['属于行政执法案卷不予公开', '因属于行政执法案卷不予公开'])}${file}起。`,
        figures: [
          fig('requests.outcome.disclosed.total', { value: disclosed, qualifier: 'exact' }),
          fig('requests.outcome.withheld.enforcement_file.total', { value: file, qualifier: 'exact' }),
        ],
      });
    } else if (d.chance(0.5)) {
      const disclosed = d.int(0, 200);
      const partial = d.int(0, 40);
      const unable = d.int(0, 60);
      parts.push({
        text: `其中,予以公开${disclosed}件,部分公开${partial}件,无法提供${unable}件。`,
        figures: [
          fig('requests.outcome.disclosed.total', { value: disclosed, qualifier: 'exact' }),
          fig('requests.outcome.partial.total', { value: partial, qualifier: 'exact' }),
          fig('requests.outcome.unable.sum', { value: unable, qualifier: 'exact' }),
        ],
      });
    }
  }
  // The word 申请 alone is no request count.
  if (d.chance(0.3)) parts.push({ text: `在政务服务大厅设置了${d.int(1, 3)}个申请受理点,方便群众提交申请。`, figures: [] });
  return parts;
}

function appeals(d: Draw, body: Body, year: number): Part[] {
  if (d.chance(0.5)) {
    return [
      {
        text: d.pick([
          `${year}年未发生因政府信息公开引起的行政复议、行政诉讼。`,
          '本年度没有因政府信息公开工作被申请行政复议或提起行政诉讼的情况。',
          `${d.pick(body.self)}未收到有关政府信息公开的行政复议和行政诉讼案件。`,
        ]),
        figures: [
          fig('appeals.review.total', { value: 0, qualifier: 'exact' }),
          fig('appeals.litigation.total', { value: 0, qualifier: 'exact' }),
        ],
      },
    ];
  }
  const review = d.int(1, 40);
  const suit = d.int(0, 20);
  const upheld = d.int(0, review);
  return [
    {
      text: d.pick([
        `因政府信息公开被申请行政复议${review}件(其中${upheld}件结果维持),提起行政诉讼${suit}件。`,
        `全年办理政府信息公开引起的行政复议${review}件、行政诉讼${suit}件,行政复议结果维持${upheld}件。`,
      ]),
      figures: [
        fig('appeals.review.total', { value: review, qualifier: 'exact' }),
        fig('appeals.litigation.total', { value: suit, qualifier: 'exact' }),
        fig('appeals.review.upheld', { value: upheld, qualifier: 'exact' }),
      ],
    },
  ];
}

function fees(d: Draw, year: number): Part[] {
  const key = year < 2019 ? 'fees.legacy.amount_yuan' : 'fees.info_processing.collected_yuan';
  return [
    {
      text: d.pick([
        '本年度未收取任何信息处理费。',
        '依申请公开政府信息均未收取费用。',
        '全年未向公民、法人和其他组织收取任何与政府信息公开工作相关的费用。',
        '本机关提供政府信息均为免费,没有收取任何费用。',
      ]),
      figures: [fig(key, { value: 0, qualifier: 'exact' })],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Tables (section 三 of the 2021 format), for the bench's larger pages; their figures are checked by the
// fixture tests, so the grammar only states them.

const REQUEST_ROWS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '(一)予以公开',
  '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '(七)总计',
  '四、结转下年度继续办理',
];

function requestTable(d: Draw, html: boolean): string {
  const rows = REQUEST_ROWS.map((label) => {
    const cells = Array.from({ length: 6 }, () => d.int(0, 9));
    return [label, ...cells.map(String), String(cells.reduce((a, b) => a + b, 0))];
  });
  if (html) return `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  return rows.map((r) => r.join(' | ')).join('\n');
}

/** One synthetic report. `full` adds the section 三 table (a page of the size of a whole report). */
export function grammarReport(seed: number, options: { html?: boolean; full?: boolean } = {}): GrammarReport {
  const d = new Draw(seeded(seed));
  const body = d.pick(BODIES);
  const year = d.int(2019, 2025);
  const parts = [...proactive(d, body, year)];
  const requestParts = requests(d, body, year);
  const appealParts = appeals(d, body, year);
  const feeParts = fees(d, year);
  const title = `${body.name}${year}年政府信息公开工作年度报告`;
  const preamble = `本报告根据《中华人民共和国政府信息公开条例》编制,所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
  const html = options.html ?? false;
  const paragraph = (t: string) => (html ? `<p>${t}</p>` : t);
  const lines = [
    html ? `<h1>${title}</h1>` : title,
    paragraph(preamble),
    paragraph('一、总体情况'),
    paragraph(`(一)主动公开情况。${parts.map((p) => p.text).join('')}`),
    paragraph(`(二)依申请公开情况。${requestParts.map((p) => p.text).join('')}`),
    paragraph(`(三)政府信息公开行政复议、行政诉讼情况。${appealParts.map((p) => p.text).join('')}`),
  ];
  if (options.full) lines.push(paragraph('三、收到和处理政府信息公开申请情况'), requestTable(d, html));
  lines.push(paragraph('六、其他需要报告的事项'), paragraph(feeParts.map((p) => p.text).join('')));
  const page = html
    ? `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${lines.join('\n')}</body></html>`
    : lines.join('\n');
  const sentences = [...parts, ...requestParts, ...appealParts, ...feeParts];
  return { page, html, agency: body.name, year, figures: sentences.flatMap((s) => s.figures), sentences };
}
