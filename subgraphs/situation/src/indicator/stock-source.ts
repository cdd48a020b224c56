import { registerEnumType } from 'type-graphql';

/** Where the stock figures of an indicator set (or a series point) come from: indicators and indicatorSeries decide it alike (indicator.service.ts stockSourceOf). */
export enum SeriesStockSource {
  CURRENT = 'CURRENT',
  HISTORY = 'HISTORY',
  BEFORE_HISTORY = 'BEFORE_HISTORY',
}
registerEnumType(SeriesStockSource, {
  name: 'SeriesStockSource',
  description: 'Where the stock figures of an indicator set or a series point come from.',
  valuesConfig: {
    CURRENT: { description: 'The period is still running: today’s state.' },
    HISTORY: { description: 'The state at the end of the period’s last day, read from the read model’s history.' },
    BEFORE_HISTORY: { description: 'The period ended before the history begins (historyBeginsOn): stocks are null, never made up.' },
  },
});
