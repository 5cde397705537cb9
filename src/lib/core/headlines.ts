/**
 * The headline figures an agency page leads with. Each card shows the most recent figure among its metrics
 * (fees changed legal basis in 2019, so the card reads whichever key the latest report uses); year-on-year
 * change is only computed within one metric.
 */
export const HEADLINES = [
  // The channel sum only stands in when no report of the agency states a total (see CHANNEL_SUM).
  { id: 'proactive', metrics: ['proactive.total', 'proactive.channels_sum'] },
  { id: 'requests', metrics: ['requests.new.total'] },
  { id: 'fees', metrics: ['fees.info_processing.collected_yuan', 'fees.legacy.amount_yuan'] },
  { id: 'review', metrics: ['appeals.review.total'] },
  { id: 'litigation', metrics: ['appeals.litigation.total'] },
] as const;

export type HeadlineId = (typeof HEADLINES)[number]['id'];

/** Fewer peers than this and no percentile is shown: one request must never rank as "top 100 %". */
export const MIN_PEERS = 5;

/** The derived sum of the channel counts: shown, labelled as a sum, never ranked against stated totals. */
export const CHANNEL_SUM = 'proactive.channels_sum';
