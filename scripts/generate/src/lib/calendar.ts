/** Dates as day numbers (days since 1970-01-01), the only form the planner compares. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

export const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;

export function ymdOf(day: number): Ymd {
  const date = new Date(day * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** 1 for 1 January. */
export const dayOfYear = (day: number): number => day - dayOf(ymdOf(day).y, 1, 1) + 1;

export const isoOf = (day: number): string => {
  const { y, m, d } = ymdOf(day);
  return `${y}-${pad(m)}-${pad(d)}`;
};

export const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The corpus spans 2012 to mid-2025: after 1 July 2025 the 63 provinces and their districts are gone. */
export const FIRST_DAY = dayOf(2012, 1, 1);
export const LAST_DAY = dayOf(2025, 6, 30);

/** Weekends are skipped: offices sign on working days. */
export function workingDay(day: number): number {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

/**
 * Party committees number their documents per term; terms start at the congresses. Central
 * terms: 2011, 2016, 2021; provincial and district terms start the autumn before.
 */
export function partyTermStart(day: number, central: boolean): number {
  const starts = central
    ? [dayOf(2006, 4, 25), dayOf(2011, 1, 19), dayOf(2016, 1, 28), dayOf(2021, 2, 1)]
    : [dayOf(2010, 10, 1), dayOf(2015, 10, 1), dayOf(2020, 10, 1), dayOf(2025, 10, 1)];
  let start = starts[0];
  for (const s of starts) if (s <= day) start = s;
  return start;
}
