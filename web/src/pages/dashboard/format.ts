/**
 * How the dashboard writes a figure. A suppressed cell (a small count the graph withholds)
 * shows as "<threshold", e.g. "<5": never 0, never a number that could be the true value.
 */
export interface Count {
  value?: number | null;
  suppressed: boolean;
}

export function countText(cell: Count, threshold: number | null | undefined): string {
  if (cell.suppressed) return `<${threshold ?? 5}`;
  if (cell.value == null) return '—';
  return cell.value.toLocaleString('zh-CN');
}

export function rateText(cell: Count, threshold: number | null | undefined): string {
  if (cell.suppressed) return `<${threshold ?? 5}人`;
  if (cell.value == null) return '—';
  return `${(cell.value * 100).toFixed(1)}%`;
}

export function amountText(cell: Count, threshold: number | null | undefined): string {
  if (cell.suppressed) return `<${threshold ?? 5}人`;
  if (cell.value == null) return '—';
  return cell.value >= 10_000 ? `${(cell.value / 10_000).toFixed(1)}万元` : `${cell.value.toLocaleString('zh-CN')}元`;
}

export function timeText(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}
