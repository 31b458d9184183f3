import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

const extract = (text: string) => extractText(text, { source: 'test' }).documents[0];

describe('relations', () => {
  it('gives one cue to every member of a list', () => {
    const doc = extract('Tiếp tục thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012; Chỉ thị số 32-CT/TU ngày 23/01/2013; Công văn số 2544/UBND-KGVXNV ngày 10/7/2020.');
    expect(doc.citations.map((c) => c.relation)).toEqual(['IMPLEMENTS', 'IMPLEMENTS', 'IMPLEMENTS']);
    expect(doc.citations[1].sentence).toContain('Tiếp tục thực hiện');
  });

  it('reads a relation asserted between two other documents', () => {
    const doc = extract('Kế hoạch số 41-KH/TU ngày 28/1/2013 của Tỉnh ủy Bắc Giang về việc thực hiện Chỉ thị số 20-CT/TW của Bộ Chính trị.');
    expect(doc.assertions).toEqual([
      expect.objectContaining({ from: { number: '41-KH/TU', year: 2013 }, to: { number: '20-CT/TW', year: null }, relation: 'IMPLEMENTS', cue: 'thực hiện' }),
    ]);
  });

  it('reads passive amendments the right way round', () => {
    const doc = extract(
      'Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01/4/2025 của Chính phủ quy định chi tiết một số điều được sửa đổi, bổ sung bởi Nghị định số 187/2025/NĐ-CP ngày 01/7/2025;',
    );
    expect(doc.citations.map((c) => `${c.number} ${c.relation}`)).toEqual(['78/2025/NĐ-CP BASED_ON', '187/2025/NĐ-CP BASED_ON']);
    expect(doc.assertions.map((a) => `${a.from.number} ${a.relation} ${a.to.number}`)).toEqual(['187/2025/NĐ-CP AMENDS 78/2025/NĐ-CP']);
  });

  it.each([
    ['Căn cứ Quyết định số 12/2020/QĐ-UBND;', 'BASED_ON'],
    ['Trên cơ sở Kế hoạch số 7504/KH-UBND ngày 13/12/2019 của UBND tỉnh,', 'BASED_ON'],
    ['Quyết định này thay thế Quyết định số 110/2005/QĐ-UBND ngày 29/12/2005.', 'REPLACES'],
    ['Sửa đổi, bổ sung Điều 3 Quyết định số 12/2020/QĐ-UBND.', 'AMENDS'],
    ['Phúc đáp Công văn số 577/CT-THNVDT ngày 23/4/2013 của Cục Thuế,', 'RESPONDS_TO'],
    ['Báo cáo kết quả thực hiện Chỉ thị số 18/CT-TTg ngày 16/5/2017.', 'REPORTS_ON'],
    ['Xét đề nghị của Sở Tài chính tại Tờ trình số 41/TTr-STC ngày 2/3/2020,', 'CITES'],
    ['Nội dung này đã nêu trong Công văn số 41/UBND-VX ngày 2/3/2020.', 'CITES'],
  ])('%s -> %s', (text, relation) => {
    expect(extract(text).citations[0].relation).toBe(relation);
  });

  it('starts a new clause at a capitalised cue opening a line under a title with no full stop', () => {
    const doc = extract(
      'Kế hoạch sửa chữa trường học ngoài kế hoạch 12/KH-UBND\nThực hiện Quyết định số 345/QĐ-TTg ngày 2/3/2021 của Thủ tướng Chính phủ, Nghị quyết 67/NQ-CP ngày 5/3/2021 của Chính phủ.\n',
    );
    expect(doc.citations.map((c) => `${c.number} ${c.relation}`)).toEqual(['12/KH-UBND CITES', '345/QĐ-TTg IMPLEMENTS', '67/NQ-CP IMPLEMENTS']);
    expect(doc.assertions).toEqual([]);
  });

  it('keeps a title cell opening the line under its own number in a flattened table', () => {
    const doc = extract('Danh mục văn bản:\n7\nThông tư\nsố 15/2019/TT-BTC\nngày 2/5/2019\nHướng dẫn thi hành một số điều của\nNghị định số 80/2018/NĐ-CP\n');
    expect(doc.assertions.map((a) => `${a.from.number} ${a.relation} ${a.to.number}`)).toEqual(['15/2019/TT-BTC GUIDES 80/2018/NĐ-CP']);
  });

  it('keeps a lower-case line going on from a line broken mid-sentence', () => {
    const doc = extract('Kế hoạch số 41-KH/TU ngày 28/1/2013 của Tỉnh ủy về việc\nthực hiện Chỉ thị số 20-CT/TW của Bộ Chính trị.');
    expect(doc.assertions.map((a) => `${a.from.number} ${a.relation} ${a.to.number}`)).toEqual(['41-KH/TU IMPLEMENTS 20-CT/TW']);
  });

  it('gives a footnote the cue governing its marker in the body', () => {
    const doc = extract(
      'Các sở kiện toàn tổ chức bộ máy theo tinh thần chỉ đạo của Tỉnh ủy[1] và Ủy ban nhân dân tỉnh[2]; bố trí đủ biên chế.\n' +
        'Nơi nhận: như trên\n' +
        '[1] tại Chương trình số 12-CTr/TU ngày 3/2/2019 về thực hiện Nghị quyết số 26-NQ/TW ngày 5/10/2018\n' +
        '[2] Tại Kế hoạch số 345/KH-UBND ngày 8/3/2019 về triển khai Chương trình số 12-CTr/TU ngày 3/2/2019.\n',
    );
    expect(doc.citations.map((c) => `${c.number} ${c.relation}`)).toEqual([
      '12-CTr/TU BASED_ON',
      '26-NQ/TW BASED_ON',
      '345/KH-UBND BASED_ON',
      '12-CTr/TU BASED_ON',
    ]);
    expect(doc.citations[2].sentence).toMatch(/^\[2\] Tại Kế hoạch/);
  });

  it('gives a footnote marked on a heading no cue from the heading', () => {
    const doc = extract('Điều 5. Tổ chức thực hiện[2]\nCác sở thi hành Quyết định này.\n\n[2] Điều này được sửa đổi bởi Thông tư số 08/2023/TT-BTC ngày 29/8/2023.\n');
    expect(doc.citations.map((c) => `${c.number} ${c.relation}`)).toEqual(['08/2023/TT-BTC CITES']);
  });

  it('takes the cue of the heading a numbered list hangs under', () => {
    const doc = extract('1. Tiếp tục tổ chức thực hiện các chương trình sau\n\n1.1. Chỉ thị số 20-CT/TW ngày 5/11/2012 của Bộ Chính trị.\n');
    expect(doc.citations[0].relation).toBe('IMPLEMENTS');
  });
});

it('finds a cue phrase that crosses the 2048-character scanning block whole', () => {
  const sentence = 'Căn cứ Thông tư số 151/2014/TT-BTC ngày 10/10/2014 của Bộ Tài chính hướng dẫn thi hành Nghị định số 91/2014/NĐ-CP ngày 01/10/2014.';
  const pad = 'x'.repeat(2048 - sentence.indexOf('hướng dẫn') - 4) + '.\n\n';
  const doc = extractText(pad + sentence, { source: 'test' }).documents[0];
  expect(doc.assertions.map((a) => `${a.from.number} ${a.relation} ${a.to.number}`)).toEqual(['151/2014/TT-BTC GUIDES 91/2014/NĐ-CP']);
  expect(doc.citations.map((c) => c.relation)).toEqual(['BASED_ON', 'BASED_ON']);
});

describe('cue phrases that are no cue', () => {
  const relations = (text: string) => extract(text).citations.map((c) => `${c.number} ${c.relation}`);

  it('reads "Luật sửa đổi…", "Nghị định sửa đổi…" as the name of another document, not this one amending', () => {
    expect(relations('Thông qua chính sách của Luật sửa đổi, bổ sung một số điều của Luật Đầu tư theo đề xuất của Bộ Kế hoạch và Đầu tư tại Tờ trình số 15/TTr-BKHĐT ngày 2/3/2024.')).toEqual([
      '15/TTr-BKHĐT CITES',
    ]);
    expect(relations('Xây dựng Nghị định sửa đổi Nghị định số 45/2022/NĐ-CP ngày 07/7/2022 của Chính phủ.')).toEqual(['45/2022/NĐ-CP CITES']);
    expect(extract('Căn cứ Luật Đầu tư;\nTheo đề xuất của Sở Tài chính tại Tờ trình số 7/TTr-STC ngày 2/3/2024;').assertions).toEqual([]);
  });

  it('keeps the cue of a type line above its own title', () => {
    expect(relations('NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 45/2022/NĐ-CP ngày 07/7/2022\n')).toEqual(['45/2022/NĐ-CP AMENDS']);
  });

  it('reads "ban hành kèm theo Quyết định…" as the attachment of that decision, not a basis', () => {
    expect(relations('Bãi bỏ khoản 2 Điều 5 Quy chế ban hành kèm theo Quyết định số 12/2020/QĐ-UBND ngày 1/2/2020.')).toEqual(['12/2020/QĐ-UBND REPLACES']);
    expect(relations('Tờ khai theo Mẫu số 01 ban hành kèm theo Thông tư số 80/2021/TT-BTC ngày 29/9/2021.')).toEqual(['80/2021/TT-BTC CITES']);
  });

  it('reads "cấp sửa đổi Giấy…" as an amended licence', () => {
    expect(relations('Cấp sửa đổi, bổ sung Giấy chứng nhận cửa hàng bán lẻ xăng dầu Nghị định số 95/2021/NĐ-CP ngày 01/11/2021.')).toEqual(['95/2021/NĐ-CP CITES']);
  });

  it.each([
    ['Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;\nXét Tờ trình số 41/TTr-UBND ngày 2/6/2023 của Ủy ban nhân dân tỉnh;', 'CITES'],
    ['Các đơn vị lập dự toán theo mẫu biểu đã hướng dẫn tại Công văn số 2906/LĐTBXH-KHTC ngày 13/7/2017.', 'CITES'],
    ['Căn cứ hướng dẫn tại khoản 1 Điều 12 Thông tư số 64/2013/TT-BTC ngày 15/5/2013,', 'BASED_ON'],
    ['Thực hiện theo hướng dẫn tại Thông tư liên tịch số 21/2008/TTLT-BQP-BLĐTBXH-BTC ngày 26/02/2008.', 'IMPLEMENTS'],
    ['Các tỉnh thành lập ngay Ban quản lý theo tinh thần Nghị định số 40/2019/NĐ-CP ngày 13/5/2019.', 'BASED_ON'],
    ['Các huyện sắp xếp lại bộ máy theo đúng tinh thần Chỉ thị số 05-CT/TU ngày 3/4/2021 của Tỉnh ủy.', 'BASED_ON'],
    ['Căn cứ các quy định nêu trên, Cục Thuế thống nhất với ý kiến của Sở Tài chính tại Công văn số 45/STC-QLG ngày 3/4/2020.', 'CITES'],
    ['Căn cứ quy định trên, Bộ Tài chính đã có Công văn số 1234/BTC-CST ngày 7/11/2016 hướng dẫn về lệ phí.', 'CITES'],
    ['[Điều này được hướng dẫn bởi Điều 3 Nghị định số 27/2005/NĐ-CP ngày 1/3/2005]', 'CITES'],
    ['Phụ lục này được thay thế bằng Phụ lục I ban hành kèm theo Nghị định số 77/2024/NĐ-CP ngày 01/7/2024.', 'CITES'],
  ])('%s -> %s', (text, relation) => {
    expect(extract(text).citations[0].relation).toBe(relation);
  });
});

describe('"thực hiện … theo" a document', () => {
  it.each([
    // the verb opens its clause and carries out work the cited document sets
    ['1.3. Tiếp tục thực hiện hiệu quả Đề án “Phổ biến pháp luật cho người lao động” giai đoạn 2021-2025 theo Kế hoạch số 318/KH-UBND ngày 5/9/2021.', 'IMPLEMENTS'],
    ['Toàn Đảng bộ đoàn kết, thực hiện thắng lợi nhiệm vụ sắp xếp tổ chức bộ máy theo tinh thần Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương.', 'IMPLEMENTS'],
    // a source of rules: the basis stays
    ['Kinh phí thực hiện các chế độ trợ cấp một lần theo Quyết định số 290/QĐ-TTg được bố trí trong dự toán.', 'BASED_ON'],
    ['Các nội dung khác không quy định tại Nghị quyết này thì được thực hiện theo Nghị quyết số 42/2006/NQ-HĐND ngày 5/10/2006.', 'BASED_ON'],
    ['Mức chi điều dưỡng: Thực hiện theo Thông tư liên tịch số 25/2010/TTLT-BLĐTBXH-BTC-BYT ngày 11/9/2010.', 'BASED_ON'],
  ])('%s -> %s', (text, relation) => {
    const doc = extract(text);
    expect(doc.citations[doc.citations.length - 1].relation).toBe(relation);
  });
});

describe('provision cues ("quy định tại")', () => {
  it.each([
    // where a rule is written, complied with: a mention
    ['Các doanh nghiệp thực hiện theo quy định tại khoản 3 Điều 32 Thông tư số 39/2014/TT-BTC ngày 31/3/2014.', 'CITES'],
    ['Quỹ lương thực hiện trong năm được quy định tại điểm 2.5 khoản 2 Điều 6 Thông tư số 78/2014/TT-BTC.', 'CITES'],
    ['Sở Y tế khẩn trương thực hiện theo đúng thẩm quyền đã quy định tại Nghị định số 75/2023/NĐ-CP của Chính phủ.', 'CITES'],
    // a clause acting on the rule, or a sentence resting on it
    ['Theo quy định tại Luật Ngân sách nhà nước, Nghị định số 45/2017/NĐ-CP ngày 21/4/2017 của Chính phủ, việc lập kế hoạch phải bảo đảm các yêu cầu sau:', 'BASED_ON'],
    ['Căn cứ nội dung chi quy định tại Thông tư số 101/2018/TT-BTC, các huyện lập dự toán.', 'BASED_ON'],
    ['Bãi bỏ mức thu phí qua cầu quy định tại mục II của Nghị quyết số 06/2007/NQ-HĐND ngày 4/1/2007.', 'REPLACES'],
    ['Thực hiện nghiêm chế độ báo cáo đã được quy định tại Mục IV Chỉ thị số 16/2006/CT-UBND ngày 9/5/2006.', 'IMPLEMENTS'],
  ])('%s -> %s', (text, relation) => {
    expect(extract(text).citations[0].relation).toBe(relation);
  });

  it('reads a verb carrying out the tasks a document sets as implementing it, and complying with a rule as a mention', () => {
    const relation = (text: string) => extract(text).citations[0].relation;
    expect(relation('Sở Nội vụ chủ trì tổng hợp; thực hiện các nội dung, nhiệm vụ quy định tại Quyết định số 845/QĐ-TTg ngày 5/6/2021 của Thủ tướng Chính phủ.')).toBe('IMPLEMENTS');
    expect(relation('Các phòng, ban triển khai các nhiệm vụ được giao theo quy định tại Kế hoạch số 45/KH-UBND ngày 2/3/2020 của UBND huyện.')).toBe('IMPLEMENTS');
    expect(relation('Trung tâm Y tế huyện thực hiện tốt các giải pháp theo Kế hoạch số 77/KH-SYT ngày 4/4/2022 của Sở Y tế.')).toBe('IMPLEMENTS');
    // complying: "đúng", a duty with its own description, one point of an article
    expect(relation('Các đơn vị thực hiện đúng quy định tại Nghị định số 45/2020/NĐ-CP ngày 8/4/2020.')).toBe('CITES');
    expect(relation('Công an tỉnh thực hiện nhiệm vụ kiêm nhiệm bảo vệ bí mật nhà nước theo quy định tại Nghị định số 26/2020/NĐ-CP.')).toBe('CITES');
    expect(relation('Chi cục Hải quan thực hiện các nội dung quy định tại điểm b khoản 7 Điều 52 Thông tư số 38/2015/TT-BTC.')).toBe('CITES');
  });
});

describe('assertions between cited documents', () => {
  const assertions = (text: string) => extract(text).assertions.map((a) => `${a.from.number} ${a.relation} ${a.to.number}`);
  const relations = (text: string) => extract(text).citations.map((c) => `${c.number} ${c.relation}`);

  it('gives every member of a passive list the amendment', () => {
    expect(
      assertions('Thông tư số 119/2020/TT-BTC ngày 31/12/2020 được sửa đổi, bổ sung bởi Thông tư số 68/2024/TT-BTC ngày 18/9/2024, Thông tư số 14/2025/TT-BTC ngày 04/4/2025 và Thông tư số 18/2025/TT-BTC ngày 26/4/2025.'),
    ).toEqual(['68/2024/TT-BTC AMENDS 119/2020/TT-BTC', '14/2025/TT-BTC AMENDS 119/2020/TT-BTC', '18/2025/TT-BTC AMENDS 119/2020/TT-BTC']);
  });

  it('stops the passive list at a member with its own description (the next item of the outer list)', () => {
    expect(
      assertions('Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01/4/2025 được sửa đổi, bổ sung bởi Nghị định số 187/2025/NĐ-CP ngày 01/7/2025 và Nghị định số 79/2025/NĐ-CP ngày 01/4/2025 của Chính phủ về kiểm tra văn bản;'),
    ).toEqual(['187/2025/NĐ-CP AMENDS 78/2025/NĐ-CP']);
  });

  it('reads "A … về việc ban hành Kế hoạch thực hiện B" and "A … đã bãi bỏ B"', () => {
    expect(assertions('Triển khai Quyết định số 3850/QĐ-UBND ngày 2/10/2018 của UBND tỉnh về việc ban hành Kế hoạch triển khai thực hiện Chỉ thị số 21/CT-TTg ngày 25/5/2018.')).toEqual([
      '3850/QĐ-UBND IMPLEMENTS 21/CT-TTg',
    ]);
    expect(assertions('Bãi bỏ phần B2 (theo Quyết định số 3204/2000/QĐ-BYT ngày 11/9/2000 của Bộ Y tế đã bãi bỏ Thông tư số 11/TTLB ngày 19/9/1997).')).toEqual([
      '3204/2000/QĐ-BYT REPLACES 11/TTLB',
    ]);
  });

  it('reads "A … của Chính phủ Ban hành Chương trình hành động của Chính phủ thực hiện B", the title capitalised after the issuer', () => {
    // the title is no part of the issuer phrase, and the program's own "của Chính phủ" stands between it and the cue
    const text = 'Các hoạt động khác được thực hiện theo Nghị quyết số 282/NQ-CP ngày 15/9/2025 của Chính phủ Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị.';
    expect(assertions(text)).toEqual(['282/NQ-CP IMPLEMENTS 72-NQ/TW']);
    expect(extract(text).citations.map((c) => `${c.number} ${c.issuer}`)).toEqual(['282/NQ-CP Chính phủ', '72-NQ/TW Bộ Chính trị']);
    expect(assertions('Căn cứ Nghị quyết số 153/NQ-CP ngày 31/5/2025 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết 59-NQ/TW ngày 24/01/2025 của Bộ Chính trị;')).toEqual([
      '153/NQ-CP IMPLEMENTS 59-NQ/TW',
    ]);
  });

  it('gives every document after "A sửa đổi, bổ sung B ‹title›, … và C ‹title›" to A, unless C is an outer item', () => {
    expect(
      assertions(
        'Căn cứ Thông tư số 21/2024/TT-BNV ngày 15/3/2024 của Bộ trưởng Bộ Nội vụ sửa đổi, bổ sung một số điều của Thông tư số 08/2019/TT-BNV ngày 10/6/2019 của Bộ trưởng Bộ Nội vụ về chế độ báo cáo thống kê và Thông tư số 11/2021/TT-BNV ngày 29/9/2021 của Bộ trưởng Bộ Nội vụ về danh mục chỉ tiêu thống kê;',
      ),
    ).toEqual(['21/2024/TT-BNV AMENDS 08/2019/TT-BNV', '21/2024/TT-BNV AMENDS 11/2021/TT-BNV']);
    expect(assertions('Căn cứ Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 34/2016/NĐ-CP, Nghị định số 11/2017/NĐ-CP và Nghị định số 12/2018/NĐ-CP;')).toEqual([
      '154/2020/NĐ-CP AMENDS 34/2016/NĐ-CP',
      '154/2020/NĐ-CP AMENDS 11/2017/NĐ-CP',
      '154/2020/NĐ-CP AMENDS 12/2018/NĐ-CP',
    ]);
    // the next item of an outer list: issued after A, of another kind, or amending something itself
    expect(
      assertions(
        'Theo Quyết định số 290/2005/QĐ-TTg ngày 8/11/2005 về chế độ; Quyết định số 38/2010/QĐ-TTg ngày 6/5/2010 của Thủ tướng Chính phủ sửa đổi, bổ sung một số điều của Quyết định số 142/2008/QĐ-TTg ngày 27/10/2008 của Thủ tướng Chính phủ về chế độ đối với quân nhân và Quyết định số 62/2011/QĐ-TTg ngày 9/11/2011 của Thủ tướng Chính phủ về chế độ đối với dân công.',
      ),
    ).toEqual(['38/2010/QĐ-TTg AMENDS 142/2008/QĐ-TTg']);
    expect(
      assertions(
        'Căn cứ Thông tư số 21/2024/TT-BNV ngày 15/3/2024 của Bộ trưởng Bộ Nội vụ sửa đổi, bổ sung một số điều của Thông tư số 08/2019/TT-BNV ngày 10/6/2019 về chế độ báo cáo và Quyết định số 11/2021/QĐ-UBND ngày 29/9/2021 của UBND tỉnh về quy chế;',
      ),
    ).toEqual(['21/2024/TT-BNV AMENDS 08/2019/TT-BNV']);
    expect(
      assertions(
        'Căn cứ Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ về văn bản quy phạm pháp luật và Nghị định số 59/2015/NĐ-CP ngày 25/5/2015 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 24/2014/NĐ-CP;',
      ),
    ).toEqual(['154/2020/NĐ-CP AMENDS 34/2016/NĐ-CP', '59/2015/NĐ-CP AMENDS 24/2014/NĐ-CP']);
  });

  it('reads "A (về việc) sửa đổi, bổ sung B" without "một số điều của" as A amending B, not this text', () => {
    const text = 'Căn cứ Quyết định số 25/2015/QĐ-UBND ngày 4/6/2015 của UBND tỉnh về việc sửa đổi, bổ sung Quyết định số 12/2012/QĐ-UBND ngày 3/5/2012 của UBND tỉnh về quản lý chợ;';
    expect(assertions(text)).toEqual(['25/2015/QĐ-UBND AMENDS 12/2012/QĐ-UBND']);
    expect(relations(text)).toEqual(['25/2015/QĐ-UBND BASED_ON', '12/2012/QĐ-UBND BASED_ON']);
    // the clause opening the text amends, as before
    expect(relations('Sửa đổi, bổ sung Quyết định số 12/2012/QĐ-UBND ngày 3/5/2012 của UBND tỉnh.')).toEqual(['12/2012/QĐ-UBND AMENDS']);
  });

  it('reads "A sửa đổi và bổ sung B" in a list item the same way', () => {
    const listed = 'Theo Quyết định số 71/2009/QĐ-TTg ngày 1/4/2009 về chế độ; Thông tư số 33/2016/TT-BTC ngày 2/3/2016 của Bộ Tài chính sửa đổi và bổ sung Thông tư số 18/2014/TT-BTC ngày 5/2/2014 về phí.';
    expect(assertions(listed)).toEqual(['33/2016/TT-BTC AMENDS 18/2014/TT-BTC']);
    expect(relations(listed)).toEqual(['71/2009/QĐ-TTg BASED_ON', '33/2016/TT-BTC BASED_ON', '18/2014/TT-BTC BASED_ON']);
  });

  it('asserts nothing from a cue that only mentions', () => {
    expect(assertions('Công văn số 12/UBND-VX ngày 2/3/2020 về đề nghị của Sở Y tế tại Tờ trình số 5/TTr-SYT ngày 1/3/2020.')).toEqual([]);
  });

  it('keeps a list together where a long sentence is clipped', () => {
    const filler = 'nâng cao chất lượng hoạt động của các đơn vị sự nghiệp công lập '.repeat(10);
    const text = `Triển khai Chương trình số 51-CTr/TU ngày 9/2/2018 về ${filler}và Kế hoạch số 740/KH-UBND ngày 28/3/2018 về triển khai Chương trình số 53-CTr/TU ngày 21/02/2018.`;
    expect(assertions(text)).toContain('740/KH-UBND IMPLEMENTS 53-CTr/TU');
  });
});

describe('the subject of an assertion stays in its clause', () => {
  const assertions = (text: string) => extract(text).assertions.map((a) => `${a.from.number} ${a.relation} ${a.to.number}`);
  const relations = (text: string) => extract(text).citations.map((c) => `${c.number} ${c.relation}`);

  it('takes the bracketed number after a report title as the report, and this text only as naming its subject', () => {
    const text = 'Ủy ban nhân dân huyện theo dõi việc thực hiện các kiến nghị nêu tại Báo cáo tổng kết 10 năm thực hiện Nghị quyết số 15-NQ/TW (Báo cáo số 45-BC/HU ngày 12/3/2022 của Huyện ủy).';
    expect(assertions(text)).toEqual(['45-BC/HU REPORTS_ON 15-NQ/TW']);
    expect(relations(text)).toEqual(['15-NQ/TW CITES', '45-BC/HU IMPLEMENTS']);
  });

  it('gives the bracketed report every document its title lists', () => {
    const text = 'Gửi kèm Báo cáo sơ kết thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 và Kế hoạch số 30-KH/TU ngày 2/8/2016 (Báo cáo số 78-BC/TU ngày 2/6/2021).';
    expect(assertions(text)).toEqual(['78-BC/TU REPORTS_ON 05-CT/TW', '78-BC/TU REPORTS_ON 30-KH/TU']);
    expect(relations(text)).toEqual(['05-CT/TW CITES', '30-KH/TU CITES', '78-BC/TU CITES']);
  });

  it("does not make a passive's agent amend the previous item of a list", () => {
    expect(assertions('Căn cứ Quyết định số 12/2020/QĐ-UBND ngày 1/2/2020 của UBND tỉnh về quản lý chợ; Luật Đầu tư được sửa đổi, bổ sung bởi Luật số 03/2022/QH15 ngày 11/01/2022;')).toEqual([]);
    expect(assertions('Thực hiện Kế hoạch số 41/KH-UBND ngày 28/1/2021; Quy chế làm việc được sửa đổi bởi Quyết định số 07/2021/QĐ-UBND và Quyết định số 08/2022/QĐ-UBND.')).toEqual([]);
    // a ';' inside a title going on in lower case keeps the title's document the subject
    expect(
      assertions('Thông tư số 03/2017/TT-BLĐTBXH ngày 01/3/2017 quy định về xây dựng chương trình; tổ chức biên soạn giáo trình được thay thế bởi Thông tư số 01/2024/TT-BLĐTBXH ngày 19/02/2024.'),
    ).toEqual(['01/2024/TT-BLĐTBXH REPLACES 03/2017/TT-BLĐTBXH']);
  });

  it('does not take a document in a closed bracket, or before "Điều này", as the subject of a passive', () => {
    expect(assertions('Căn cứ Quy chế (ban hành kèm theo Quyết định số 12/2020/QĐ-UBND ngày 1/2/2020) được sửa đổi bởi Quyết định số 07/2021/QĐ-UBND ngày 2/3/2021;')).toEqual([]);
    expect(assertions('Người thuê nhà trả góp trong 5 năm theo Nghị quyết số 23/2003/QH11. [Điều này được hướng dẫn bởi Điều 9 Nghị định số 127/2005/NĐ-CP]')).toEqual([]);
  });

  it('does not take the agent of one passive as the subject of the next', () => {
    const text =
      '[Cho vay đi làm việc ở nước ngoài được hướng dẫn bởi Công văn 310/NHCS-TDNN năm 2023 có hiệu lực từ ngày 01/08/2023 Cho vay tạo việc làm được hướng dẫn bởi Điều 1 Hướng dẫn 325/HD-NHCS năm 2023 có hiệu lực từ ngày 01/08/2023]';
    expect(assertions(text)).toEqual([]);
    expect(assertions('[Điều này được hướng dẫn bởi Điều 3 Nghị định 27/2005/NĐ-CP có hiệu lực từ ngày 01/5/2005 Khoản này được hướng dẫn bởi Điều 6 Nghị định 27/2005/NĐ-CP]')).toEqual([]);
  });
});
