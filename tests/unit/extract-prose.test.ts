/**
 * Prose wordings, one sentence at a time: what the helper proposes for a sentence written here in the varied
 * wording of real reports (synthetic sentences, invented numbers), and what it must leave alone. Each case is
 * the whole set of figures the sentence yields, so a figure proposed by mistake fails as surely as one missed.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/lib/extract/index.ts';
import { expectedSet, figureSet, TEST_AGENCIES, type Expected } from './extract-helpers.ts';

/** A department's own report holding the sentence in its overview. */
function figuresOf(sentence: string): string[] {
  const page = `测试市交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n${sentence}\n`;
  return figureSet(extractReport(page, { agencies: TEST_AGENCIES }).figures);
}

const cases = (list: readonly (readonly [sentence: string, figures: readonly Expected[]])[]) =>
  list.map(([sentence, figures]) => ({ sentence, figures }));

describe('appeals stated in prose', () => {
  it.each(
    cases([
      // Lawsuits split into direct suits and suits after review: the split, not a total beside it.
      [
        '本年度涉及行政诉讼7件,其中未经复议直接起诉5件,复议后起诉2件。',
        [
          ['appeals.litigation_direct.total', 5],
          ['appeals.litigation_after_review.total', 2],
        ],
      ],
      // All lawsuits direct, with their outcomes.
      [
        '因政府信息公开被提起行政诉讼4件,均为未经复议直接起诉,其中结果维持3件,尚未审结1件。',
        [
          ['appeals.litigation_direct.total', 4],
          ['appeals.litigation_direct.upheld', 3],
          ['appeals.litigation_direct.pending', 1],
        ],
      ],
      // Outcomes follow the block they come after, not the reviews named first.
      [
        '发生行政复议2件,结果维持2件;未经复议直接起诉3件,结果纠正1件,结果维持2件;复议后起诉1件,尚未审结1件。',
        [
          ['appeals.review.total', 2],
          ['appeals.review.upheld', 2],
          ['appeals.litigation_direct.total', 3],
          ['appeals.litigation_direct.corrected', 1],
          ['appeals.litigation_direct.upheld', 2],
          ['appeals.litigation_after_review.total', 1],
          ['appeals.litigation_after_review.pending', 1],
        ],
      ],
      // 答复议案 (answering motions) is not a review.
      ['在主动公开的信息中,涉及答复议案提案信息6条。', []],
      // A lawsuit count without a split stays the total; its outcomes have no key.
      [
        '全年被申请行政复议1件,被提起行政诉讼2件,结果维持2件。',
        [
          ['appeals.review.total', 1],
          ['appeals.litigation.total', 2],
        ],
      ],
    ]),
  )('$sentence', ({ sentence, figures }) => {
    expect(figuresOf(sentence)).toEqual(expectedSet(figures));
  });
});

describe('interpretations stated in prose', () => {
  it.each(
    cases([
      ['全年共发布政策解读31篇,其中图解解读9篇。', [['proactive.interpretations', 31]]],
      // Counts of kinds side by side, with no whole among them: none is the count of interpretations.
      ['本年度发布文字解读12篇、图解解读8篇、视频解读3篇。', []],
      ['制作政策文字解读材料15件、图文解读9件、专家解读4件。', []],
      // A breakdown of items published that names interpretations still counts them (brief).
      [
        '全年在门户网站公开信息230条,其中工作动态150条、通知公告40条、政策解读6条。',
        [
          ['proactive.website', 230],
          ['proactive.interpretations', 6],
        ],
      ],
    ]),
  )('$sentence', ({ sentence, figures }) => {
    expect(figuresOf(sentence)).toEqual(expectedSet(figures));
  });
});

describe('requests stated in prose', () => {
  it.each(
    cases([
      // Counts by how requests came in, no total stated: no count of requests received.
      ['全年共收到政府信息公开网上申请9件,信函申请3件,均按时答复。', []],
      ['通过门户网站在线接收依申请公开事项5件,通过窗口现场接收书面申请2件。', []],
      // With the total stated, the total is the count.
      ['全年共收到政府信息公开申请12件,其中网上申请9件,信函申请3件。', [['requests.new.total', 12]]],
      // Counts by who sent them, no total stated.
      ['收到自然人提交的信息公开申请书4件,法人提交的信息公开申请书2件,均已答复。', []],
      // Applications for a licence are not requests for information.
      ['全年共受理行政许可申请57件,办结率100%。', []],
      // None received, said as a number without a unit.
      ['本年度收到和处理政府信息公开申请数量为0。', [['requests.new.total', 0]]],
      [
        '全年受理信息公开申请数为0,无上年结转。',
        [
          ['requests.new.total', 0],
          ['requests.carried_in.total', 0],
        ],
      ],
      // The count with carry-over, split into the carry-over and the year's new requests.
      [
        '2023年共受理信息公开申请40件,其中结转2022年4件,2023年申请36件,均已办结。',
        [
          ['requests.narrative.total', 40],
          ['requests.carried_in.total', 4],
          ['requests.new.total', 36],
        ],
      ],
      [
        '本年度规范受理依申请公开215件,上年度结转申请5件,新增210件。',
        [
          ['requests.narrative.total', 215],
          ['requests.carried_in.total', 5],
          ['requests.new.total', 210],
        ],
      ],
      // The count with carry-over, the carry-over in brackets a few words on, and the change on last year.
      [
        '2023年,本局办理412条依申请事项(含上年结转17件),相较去年上涨8.25%。',
        [
          ['requests.narrative.total', 412],
          ['requests.carried_in.total', 17],
          ['requests.narrative.total.change_pct', 8.25],
        ],
      ],
      // A petitions bureau names itself: 信访 in its name is no hotline or petition count.
      [
        '2023年,测试市信访局主动公开政府信息36条;共受理政府信息公开申请5件。',
        [
          ['proactive.total', 36],
          ['requests.new.total', 5],
        ],
      ],
      // Carried into next year, the words of the count a few more characters on.
      [
        '2023年共受理政府信息公开申请31宗,共办结政府信息公开申请29宗,结转下年办理政府信息公开申请2宗。',
        [
          ['requests.new.total', 31],
          ['requests.carried_out.total', 2],
        ],
      ],
      // Requests handled that someone 提出 (made) are handled, not received.
      ['全年共办理公民、法人和其他组织提出的政府信息公开申请46件,均依法答复。', [['requests.handled', 46]]],
      // A none-statement about a kind of request beside a stated count denies nothing of the count.
      ['全年共收到申请96件,未发生可能产生重大影响的信息公开申请案例。', [['requests.new.total', 96]]],
      // What requests were about is no count of decisions.
      ['共收到政府信息公开申请30件,涉及征地补偿12件、行政许可8件、其他10件。', [['requests.new.total', 30]]],
    ]),
  )('$sentence', ({ sentence, figures }) => {
    expect(figuresOf(sentence)).toEqual(expectedSet(figures));
  });
});

describe('normative documents stated in prose', () => {
  it.each(
    cases([
      ['本年度制定并公开行政规范性文件4件。', [['proactive.normative_docs', 4]]],
      // None issued, in prose: the prose key (brief), also when rules are named with them.
      ['本年度本机关未出台行政规范性文件。', [['proactive.normative_docs', 0]]],
      ['全年未制发或废止规章、行政规范性文件。', [['proactive.normative_docs', 0]]],
      // Documents still in force, a share of a breakdown, and a count of other documents with them.
      ['梳理本单位文件,持续有效规范性文件2个,废止规范性文件1个。', []],
      ['收到的申请中,涉及规划类21份,占比40%,规范性文件5份,占比9.6%。', []],
      ['全年共公开法律、法规、规章制度及规范性文件共计6件。', []],
    ]),
  )('$sentence', ({ sentence, figures }) => {
    expect(figuresOf(sentence)).toEqual(expectedSet(figures));
  });
});

describe('cumulative counts beside the year’s own', () => {
  it('takes the year’s additions, not the count of all years, in one sentence or across two', () => {
    expect(figuresOf('截至2023年底累计主动公开政府信息共41250条,其中本年度新增主动公开政府信息共3120条。')).toEqual(
      expectedSet([['proactive.total', 3120]]),
    );
    expect(figuresOf('通过门户网站、微信公众号等平台,累计主动公开政府信息5210条,本年度新增418条。')).toEqual(
      expectedSet([['proactive.total', 418]]),
    );
    expect(figuresOf('累计主动公开政府信息812条,全文电子化率达100%。2023年新增的主动公开政府信息47条。')).toEqual(
      expectedSet([['proactive.total', 47]]),
    );
  });

  it('keeps 累计 as the year’s total when nothing else is stated for the year', () => {
    expect(figuresOf('截止2023年12月31日累计主动公开政府信息共66条,其中规划计划类5条,财政信息类40条。')).toEqual(
      expectedSet([['proactive.total', 66]]),
    );
  });
});

describe('a prose statement beside the section 二 table', () => {
  it('leaves the count of normative documents to the table', () => {
    const page =
      '测试市交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n本局无制定规章及规范性文件的职能。\n二、主动公开政府信息情况\n' +
      '第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0\n行政规范性文件 | 0 | 0 | 3\n';
    const metrics = extractReport(page, { agencies: TEST_AGENCIES }).figures.map((f) => f.metric);
    expect(metrics).toContain('proactive.art20_1.normative_docs.issued');
    expect(metrics).not.toContain('proactive.normative_docs');
  });
});

describe('proactive counts in prose', () => {
  it.each(
    cases([
      // A count of accounts is no statement of items: the new media it names keep the count of items after it.
      ['深入推进政务新媒体建设,登记在册政务新媒体3个,全年共发布1520条政务信息。', []],
      // A count of columns likewise: the site named before it is where the items were published.
      ['区政府网站政务公开专栏共新建栏目42个,更新信息2210条。', [['proactive.website', 2210]]],
      // A count of sites is not a count of items.
      ['我局信息公开平台仅有区人民政府网站1个。', []],
      // Items sent up to another body's site, and reprints of other bodies' documents, are not the body's own.
      ['二是上报市政府网站信息95条。', []],
      ['在区政府网站集中转载国务院、省政府重要政策312条。', []],
      // The city government's platform beside the body's own site is the portal.
      [
        '全年主动公开政府信息520条,其中在市政府信息公开平台新增64条,在本局官网公开301条,在“测试交通”微信公众号上公开155条。',
        [
          ['proactive.total', 520],
          ['proactive.portal', 64],
          ['proactive.website', 301],
          ['proactive.wechat', 155],
        ],
      ],
      // The items of one topic the sentence is framed by are a category; a general framing is not.
      ['二是围绕疫情防控,及时发布防控政策、接种点位等各类信息207条。', []],
      ['围绕中心工作,全年主动公开政府信息1340条。', [['proactive.total', 1340]]],
      // One named paper (「…日报刊发」) is one outlet, not the media channel.
      ['全年在测试日报刊发稿件14条、测试新闻网刊发9条。', []],
      // An account named in quotes after its channel, 图文信息 as what is pushed, and the Weibo account called 微博公众号.
      ['全年微信公众号“测试交通”共推文85篇,累计关注人数1200人。', [['proactive.wechat', 85]]],
      ['官方微信推送640篇图文信息。', [['proactive.wechat', 640]]],
      [
        '通过微信公众号发布信息210条,通过微博公众号发布信息37条。',
        [
          ['proactive.wechat', 210],
          ['proactive.weibo', 37],
        ],
      ],
      // Replies to messages on a site are no items published.
      ['回复县政府网站“网民留言”11条。', []],
      // A disclosure column and the site that holds it are one site; a column on another site is a second site.
      ['2023年,通过政府信息公开专栏及我局网站主动公开政府信息410条。', [['proactive.website', 410]]],
      ['通过市政府网站信息公开专栏和局网站主动公开各类信息900条。', [['proactive.total', 900]]],
      // A WeChat account's reposts are what it publishes.
      ['本局在“测试统计”微信公众号发布转载信息118条。', [['proactive.wechat', 118]]],
      // A channel's 发布量 (volume) is its count.
      ['本年度官方微信公众号信息发布量362条。', [['proactive.wechat', 362]]],
      ['局门户网站全年信息发布总量1208条。', [['proactive.website', 1208]]],
      // A kind of document listed before 「各类政府信息」 leaves all information: the total.
      ['全年本局主动公开业务类政策文件、各类政府信息共计733条。', [['proactive.total', 733]]],
      // … but a list of categories alone is no total.
      ['全年主动公开工作动态80条、通知公告15条。', []],
    ]),
  )('$sentence', ({ sentence, figures }) => {
    expect(figuresOf(sentence)).toEqual(expectedSet(figures));
  });
});

// Wordings met on the second development set (40 pages of the sixth to eighth curation rounds), written here in
// our own words with invented numbers; the held-out pages were not looked at.
describe('wordings of the second development set', () => {
  it.each(
    cases([
      // Counts of documents after the year's total are not a list of categories that makes the total one of them.
      [
        '2023年主动公开政府信息3120条,制发的规范性文件数3件,废止件数2件,现行有效件数9件。',
        [
          ['proactive.total', 3120],
          ['proactive.normative_docs', 3],
        ],
      ],
      // 双微 is WeChat and Weibo together: no one channel's count, and not all information either.
      ['局门户网站发布信息2100条,“双微”共推送680条。', [['proactive.website', 2100]]],
      // What the media wrote about the body is not what it published; what it published through them is.
      ['各级媒体报道我局工作236篇。', []],
      ['借助主流媒体发布宣传稿件45篇。', [['proactive.media', 45]]],
      // The body's external site (外网) is its website.
      ['本局外网全年发布政府信息560条。', [['proactive.website', 560]]],
      // Section 二's decision cells restated in prose, counted in 条.
      [
        '全年行政许可类处理决定数12条,行政处罚类处理决定数0条,行政强制处理决定数1条。',
        [
          ['proactive.art20_5.licensing.decisions', 12],
          ['proactive.art20_6.penalty.decisions', 0],
          ['proactive.art20_6.coercion.decisions', 1],
        ],
      ],
      // Outcomes counted in 项 after the requests, the reason said after the count.
      [
        '全年收到依申请公开事项5项,3项予以公开,2项因本机关不掌握相关信息已告知申请人。',
        [
          ['requests.new.total', 5],
          ['requests.outcome.disclosed.total', 3],
          ['requests.outcome.unable.not_held.total', 2],
        ],
      ],
      // The reason for withholding in the clause before the count names its row.
      [
        '收到信息公开申请4件,因涉及内部事务信息,不予公开4件。',
        [
          ['requests.new.total', 4],
          ['requests.outcome.withheld.internal_affairs.total', 4],
        ],
      ],
      // No request of some other kind is not no request at all.
      ['未收到申请公开其他方面政府信息的申请。', []],
      // Another body reposting this one's items, and a change on that.
      ['上级部门转载我局信息85条,较上年增长20%。', []],
      // Issues are how the items came out; the items are the count.
      ['通过微信公众号“测试交通”发布信息52期共310条。', [['proactive.wechat', 310]]],
      // The account named in the clause just before the count.
      ['微信公众号现有粉丝2.3万人,全年发布文章数412篇。', [['proactive.wechat', 412]]],
      // A joint count split by channel in brackets: each part is its channel's.
      [
        '政务新媒体推送信息900条(微信公众号推送520条,微博发布380条)。',
        [
          ['proactive.wechat', 520],
          ['proactive.weibo', 380],
        ],
      ],
    ]),
  )('$sentence', ({ sentence, figures }) => {
    expect(figuresOf(sentence)).toEqual(expectedSet(figures));
  });

  it('gives a change stated in the next sentence to the one count it can be about', () => {
    expect(figuresOf('本年度收到政府信息公开申请64件,上年结转2件。同比增长28.5%,主要涉及征地拆迁。')).toEqual(
      expectedSet([
        ['requests.new.total', 64],
        ['requests.carried_in.total', 2],
        ['requests.new.total.change_pct', 28.5],
      ]),
    );
    expect(figuresOf('全年收到政府信息公开申请30件。受多种因素影响,申请量同比下降12%。')).toEqual(
      expectedSet([
        ['requests.new.total', 30],
        ['requests.new.total.change_pct', -12],
      ]),
    );
    // Two counts a change could be about: nobody can tell which.
    expect(figuresOf('全年主动公开政府信息800条,收到政府信息公开申请30件。同比增长10%。')).toEqual(
      expectedSet([
        ['proactive.total', 800],
        ['requests.new.total', 30],
      ]),
    );
  });
});
