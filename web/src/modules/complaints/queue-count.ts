import type { TFunction } from 'i18next';
import type { ComplaintList } from '../../../../src/modules/complaints/complaints.contract.ts';

/**
 * The queue's count as the server gave it: exact ("1,234 complaints"), a floor where counting
 * stopped ("more than 500 complaints") or the database's estimate ("about 12,000 complaints").
 */
export function queueCountText(t: TFunction, list: ComplaintList, language: string): string {
  const n = new Intl.NumberFormat(language).format(list.total);
  if (list.totalIsCapped) return t('queueCount.moreThan', { count: list.total, n });
  if (list.totalIsEstimate) return t('queueCount.about', { count: list.total, n });
  return t('queueCount.exact', { count: list.total, n });
}

/** Pages to offer: all of them when the count is exact, else up to the count and one past here. */
export function queuePageCount(list: ComplaintList, pageSize: number): number {
  const counted = Math.max(1, Math.ceil(list.total / pageSize));
  if (!list.totalIsCapped && !list.totalIsEstimate) return counted;
  return list.hasMore ? Math.max(counted, list.page + 1) : list.page;
}
