import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../src/index.js';
// (a cycle with conformance.ts, harmless: nothing is read from it before the tests run)
import { enc, letter, type StoreUnderTest } from './conformance.js';

/**
 * Audit rules every adapter must follow (part of `describeGraphStore`): a draft (blank number,
 * "dự thảo") has not been issued, so it is never evidence that a province implemented or
 * mentioned a decree, nor the date it did.
 */
export function describeAuditRules(makeStore: () => StoreUnderTest | Promise<StoreUnderTest>): void {
  describe('audit: drafts are not evidence', () => {
    const CT20 = 'Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị';
    const ingest = async (store: StoreUnderTest, o: { source: string; issuer: string; number: string; place: string; date: string; body: string }) => {
      await store.ingestFile({ source: o.source, bytes: enc(letter(o)) });
    };
    const auditOf = async (store: StoreUnderTest, provinces: 63 | 34 = 63): Promise<Map<string, AuditRow>> => {
      const result = (await store.audit('20-ct-tw-2012', { provinces }))!;
      return new Map(result.provinces.map((p) => [p.province, p]));
    };

    it('a province whose only documents are drafts is not implemented, and has no date', async () => {
      const store = await makeStore();
      await ingest(store, { source: 'bg.txt', issuer: 'UBND TỈNH BẮC GIANG', number: '41/KH-UBND', place: 'Bắc Giang', date: '28/01/2013', body: `Thực hiện ${CT20}, UBND tỉnh ban hành kế hoạch.` });
      await ingest(store, { source: 'lc.txt', issuer: 'UBND TỈNH LÀO CAI', number: '/KH-UBND', place: 'Lào Cai', date: '15/01/2013', body: `DỰ THẢO\n\nThực hiện ${CT20}, UBND tỉnh ban hành kế hoạch.` });
      await ingest(store, { source: 'yb.txt', issuer: 'UBND TỈNH YÊN BÁI', number: '/BC-UBND', place: 'Yên Bái', date: '20/01/2014', body: `DỰ THẢO\n\nBáo cáo kết quả thực hiện ${CT20} như sau.` });
      const rows = await auditOf(store);
      expect([...rows.values()].filter((p) => p.status === 'implemented').map((p) => p.province)).toEqual(['Bắc Giang']);
      const laoCai = rows.get('Lào Cai')!;
      expect(laoCai).toMatchObject({ status: 'draft', documents: [], documentCount: 0, firstDate: null, lagDays: null, draftCount: 1 });
      expect(laoCai.drafts.map((d) => [d.number, d.draft, d.relation])).toEqual([['/KH-UBND', true, 'IMPLEMENTS']]);
      // a draft report is not a mention either
      const yenBai = rows.get('Yên Bái')!;
      expect(yenBai).toMatchObject({ status: 'draft', documentCount: 0, firstDate: null, draftCount: 1 });
      expect(yenBai.drafts.map((d) => [d.number, d.relation])).toEqual([['/BC-UBND', 'REPORTS_ON']]);
      expect(rows.get('Bắc Giang')).toMatchObject({ status: 'implemented', documentCount: 1, firstDate: '2013-01-28', drafts: [], draftCount: 0 });
      // on the 34 provinces, Yên Bái counts for Lào Cai: two drafts, still nothing issued
      expect((await auditOf(store, 34)).get('Lào Cai')).toMatchObject({ status: 'draft', documentCount: 0, firstDate: null, draftCount: 2 });
      await store.close();
    });

    it('a province with an issued document and an earlier draft shows the issued one, with its date', async () => {
      const store = await makeStore();
      await ingest(store, { source: 'dl-draft.txt', issuer: 'UBND TỈNH ĐẮK LẮK', number: '/KH-UBND', place: 'Đắk Lắk', date: '01/12/2012', body: `DỰ THẢO\n\nThực hiện ${CT20}, UBND tỉnh ban hành kế hoạch.` });
      await ingest(store, { source: 'dl.txt', issuer: 'UBND TỈNH ĐẮK LẮK', number: '61/KH-UBND', place: 'Đắk Lắk', date: '07/03/2013', body: `Thực hiện ${CT20}, UBND tỉnh ban hành kế hoạch.` });
      // an issued report (a mention) and a draft plan: mentioned, not implemented
      await ingest(store, { source: 'qn-draft.txt', issuer: 'UBND TỈNH QUẢNG NAM', number: '/KH-UBND', place: 'Quảng Nam', date: '01/02/2013', body: `DỰ THẢO\n\nThực hiện ${CT20}, UBND tỉnh ban hành kế hoạch.` });
      await ingest(store, { source: 'qn.txt', issuer: 'UBND TỈNH QUẢNG NAM', number: '9/BC-UBND', place: 'Quảng Nam', date: '10/12/2014', body: `Báo cáo kết quả thực hiện ${CT20} như sau.` });
      const rows = await auditOf(store);
      const dakLak = rows.get('Đắk Lắk')!;
      expect(dakLak).toMatchObject({ status: 'implemented', documentCount: 1, firstDate: '2013-03-07', lagDays: 122, draftCount: 1 });
      expect(dakLak.documents.map((d) => [d.number, d.draft])).toEqual([['61/KH-UBND', false]]);
      expect(dakLak.drafts.map((d) => [d.number, d.date])).toEqual([['/KH-UBND', '2012-12-01']]);
      const quangNam = rows.get('Quảng Nam')!;
      expect(quangNam).toMatchObject({ status: 'mentioned', documentCount: 1, firstDate: '2014-12-10', draftCount: 1 });
      expect(quangNam.documents.map((d) => [d.number, d.relation])).toEqual([['9/BC-UBND', 'REPORTS_ON']]);
      expect(quangNam.drafts.map((d) => [d.number, d.relation])).toEqual([['/KH-UBND', 'IMPLEMENTS']]);
      await store.close();
    });
  });
}
