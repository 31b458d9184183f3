import { createSqliteStore } from '@vanban/store';
const s = createSqliteStore(process.argv[2] ?? '/tmp/g20k.db');
const t = (label: string, f: () => unknown, n = 5) => { f(); const t0 = performance.now(); for (let i = 0; i < n; i++) f(); console.log(label.padEnd(32), ((performance.now() - t0) / n).toFixed(2), 'ms'); };
for (const q of ['trẻ em', 'đuối nước', 'duoi nuoc', 'dưới nước', 'xâm hại trẻ em', 'kế hoạch', 'Tổng đài 111', 'bạo lực học đường', '1863/QĐ-TTg', 'qd 1863', '20-CT/TW'])
  t(`search ${q} (${s.search({ q }).total})`, () => s.search({ q }));
