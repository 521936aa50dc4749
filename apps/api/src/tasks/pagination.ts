import type { Response } from 'express';
import { INBOX_PAGE_SIZE } from './tasks.service';

/**
 * Lists stay plain JSON arrays (the contract clients rely on); the total and the neighbouring
 * pages travel in `X-Total-Count` and `Link` headers. Totals stop at 10,000 (`X-Total-Count-Capped`).
 */
export function sendPage<T>(
  res: Response,
  page: number,
  result: { items: T[]; total: number; totalCapped: boolean },
  pageSize = INBOX_PAGE_SIZE,
): T[] {
  const last = Math.max(1, Math.ceil(result.total / pageSize));
  const url = new URL(res.req.originalUrl, 'http://x');
  const link = (p: number, rel: string) => {
    url.searchParams.set('page', String(p));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [link(1, 'first'), link(last, 'last')];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'));
  res.setHeader('X-Total-Count', String(result.total));
  if (result.totalCapped) res.setHeader('X-Total-Count-Capped', 'true');
  res.setHeader('Link', links.join(', '));
  return result.items;
}
