import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile, extractText } from '../src/index.js';
import { placeDateIn } from '../src/lib/header.js';
import { joinSpacedLetters } from '../src/lib/spaced-letters.js';

const seeds = new URL('../../../shared/corpus/seeds/', import.meta.url).pathname;

describe('header', () => {
  it('reads number, place, date, subject, recipients and signer of a letter', () => {
    const text = [
      'UBND TỈNH ĐẮK LẮK',
      'SỞ LAO ĐỘNG – THƯƠNG BINH',
      'VÀ XÃ HỘI',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập – Tự do – Hạnh phúc',
      '',
      'Số: 15/SLĐTBXH-BTXH',
      'V/v tăng cường phòng, chống đuối nước',
      'cho trẻ em',
      '',
      'Đắk Lắk, ngày 03 tháng 6 năm 2021',
      '',
      'Kính gửi:',
      '- UBND các huyện;',
      '- Các phòng chuyên môn.',
      '',
      'Nội dung văn bản.',
      '',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      '',
      'Nguyễn Văn An',
    ].join('\n');
    const [doc] = extractText(text, { source: 't' }).documents;
    expect(doc).toMatchObject({
      number: '15/SLĐTBXH-BTXH',
      typeCode: 'CV',
      date: '2021-06-03',
      year: 2021,
      issuer: 'SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI',
      parentIssuer: 'UBND TỈNH ĐẮK LẮK',
      issuerLevel: 'department',
      province: 'Đắk Lắk',
      subject: 'tăng cường phòng, chống đuối nước cho trẻ em',
      recipients: ['UBND các huyện', 'Các phòng chuyên môn'],
      signer: 'Nguyễn Văn An',
      signerTitle: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC',
    });
    expect(doc.topics).toContain('đuối nước');
  });

  it('reads a provincial city as a district, and place lines with digits and apostrophes', () => {
    const city = extractText('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẠC LIÊU\n\nSố: 12/UBND-VX\n\nBạc Liêu, ngày 05 tháng 4 năm 2023\n\nNội dung.', { source: 't' }).documents[0];
    expect(city).toMatchObject({ province: 'Bạc Liêu', district: 'Bạc Liêu', issuerLevel: 'district' });
    const q8 = extractText('Số: 3/UBND\n\nQuận 8, ngày 21 tháng 8 năm 2023\n\nNội dung.', { source: 't' }).documents[0];
    expect(q8).toMatchObject({ date: '2023-08-21', place: 'Quận 8' });
    const cumgar = extractText("Số: 4/UBND\n\nCư M'gar, ngày 14 tháng 8 năm 2023\n\nNội dung.", { source: 't' }).documents[0];
    expect(cumgar).toMatchObject({ date: '2023-08-14', place: "Cư M'gar" });
  });

  it('reads the place after a number line flattened onto it, not from the code or a number before it', () => {
    const place = (line: string) => extractText(`BỘ CÔNG THƯƠNG\n${line}\n\nNội dung.`, { source: 't' }).documents[0];
    expect(place('Số: 45/TTg Hà Nội, ngày 10 tháng 11 năm 1985')).toMatchObject({ place: 'Hà Nội', date: '1985-11-10' });
    expect(place('Số: 77/NQ-UBTVQH14 Hà Nội, ngày 10 tháng 11 năm 2018')).toMatchObject({ place: 'Hà Nội', date: '2018-11-10' });
    expect(place('V/v hướng dẫn Điều 12 Luật Đầu tư 2020 Hà Nội, ngày 03 tháng 5 năm 2021')).toMatchObject({ place: 'Hà Nội', date: '2021-05-03' });
    // a citation's code and date are no place line
    const cited = extractText('Quyết định ban hành giá đất năm 2010\nCăn cứ Nghị định số 12/2005/NĐ-CP, ngày 05 tháng 02 năm 2005 của Chính phủ;', { source: 't' }).documents[0];
    expect(cited).toMatchObject({ place: null, date: null });
  });

  it('takes the subject under a title and its issuer line (CHỈ THỊ / CỦA BỘ CHÍNH TRỊ / Về …), not the issuer', () => {
    const text = ['BAN CHẤP HÀNH TRUNG ƯƠNG', '', 'Số 99-CT/TW', '', 'ĐẢNG CỘNG SẢN VIỆT NAM', '', 'Hà Nội, ngày 05 tháng 11 năm 2012', '', 'CHỈ THỊ', 'CỦA BỘ CHÍNH TRỊ', '', 'Về tăng cường công tác phòng, chống đuối nước cho trẻ em', '', 'Nội dung chỉ thị.'].join('\n');
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({ number: '99-CT/TW', subject: 'Về tăng cường công tác phòng, chống đuối nước cho trẻ em' });
    // the old one-line Công báo title, number and subject in the issuer line, stays the subject
    const old = ['BỘ XÂY DỰNG', '', 'THÔNG TƯ', 'CỦA BỘ XÂY DỰNG SỐ 04/2001/TT-BXD NGÀY 20 THÁNG 8 NĂM 2001 HƯỚNG DẪN LẬP DỰ TOÁN', '', 'Nội dung.'].join('\n');
    expect(extractText(old, { source: 't' }).documents[0].subject).toBe('CỦA BỘ XÂY DỰNG SỐ 04/2001/TT-BXD NGÀY 20 THÁNG 8 NĂM 2001 HƯỚNG DẪN LẬP DỰ TOÁN');
  });

  it('keeps a draft with a blank number and a blank day', () => {
    const [doc] = extractText('Số: /UBND-KGVX\n\nĐắk Lắk, ngày    tháng 02 năm 2020\n\nNội dung.', { source: 't' }).documents;
    expect(doc).toMatchObject({ number: '/UBND-KGVX', draft: true, date: null, year: 2020 });
  });

  it('reads a ministry whose header letters the crawler spaced apart, and its signer after the rest of the title', () => {
    const text = [
      '| B Ộ NÔNG NGHIỆP V À PHÁT TRIỂN NÔNG THÔN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |',
      '|---|---|',
      '| Số: 310/BNN-KH V/v lập kế hoạch năm 2020 | Hà Nội, ngày 05 tháng 7 năm 2019 |',
      '',
      'Nội dung.',
      '',
      '| Nơi nhận: - Như trên; - Lưu: VT. | TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ KẾ HOẠCH Trầ n Văn Bình |',
    ].join('\n');
    const [doc] = extractText(text, { source: 't' }).documents;
    // a ministry in Hà Nội has no province; "Trầ n" is one syllable cut in two
    expect(doc).toMatchObject({ issuer: 'BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN', issuerLevel: 'ministry', province: null });
    expect(doc).toMatchObject({ signer: 'Trần Văn Bình', signerTitle: 'TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ KẾ HOẠCH' });
  });

  it('keeps a title that runs on in capitals before the name ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Name")', () => {
    const text = 'BỘ TÀI CHÍNH\n\nSố: 12/BTC-CST\n\nHà Nội, ngày 01 tháng 3 năm 2021\n\nNội dung.\n\n| Nơi nhận: - Như trên. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Thị Hoa |';
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({ signer: 'Lê Thị Hoa', signerTitle: 'KT. BỘ TRƯỞNG THỨ TRƯỞNG' });
  });

  it('skips a blog lead that runs into the pasted header, and bold marks on the issuer lines', () => {
    const text = [
      'Công văn 55/SYT-NVY ngày 02/3/2015 của Sở Y tế về tiêm chủng. ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH SỞ Y TẾ CỘNG HÒA XÃ HỘI …',
      '',
      'Công văn 55/SYT-NVY ngày 02/3/2015 của Sở Y tế về tiêm chủng.',
      '',
      'ỦY BAN NHÂN DÂN',
      'TỈNH NAM ĐỊNH',
      '',
      '**SỞ Y TẾ',
      '',
      '——–**',
      '',
      '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**',
      '',
      'Số: 55/SYT-NVY',
      '',
      'Nam Định, ngày 02 tháng 3 năm 2015',
    ].join('\n');
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({ issuer: 'SỞ Y TẾ', parentIssuer: 'ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH', issuerLevel: 'department', province: 'Nam Định' });
  });

  it('reads the number on the line under a lone "Số:", and the quốc hiệu written "CỘNG HOÀ"', () => {
    const text = 'PHỦ THỦ TƯỚNG ----- CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố:\n88/TTg Hà Nội, ngày 10 tháng 5 năm 1981 CHỈ THỊ VỀ CÔNG TÁC THỦY LỢI\nNội dung.';
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({ number: '88/TTg', issuer: 'PHỦ THỦ TƯỚNG', issuerLevel: 'government', date: '1981-05-10' });
    // a lone "Số" followed by a list item is not a number
    expect(extractText('Số\n- Các đơn vị báo cáo.', { source: 't' }).documents[0].number).toBeNull();
  });

  it('reads a number whose code capitals a conversion spaced apart, and joins no word after the number', () => {
    const numberOf = (line: string) => extractText(`${line}\n\nNội dung.`, { source: 't' }).documents[0].number;
    expect(numberOf('| Số: 45/QĐ - U B ND | Đà Nẵng, ngày 03 tháng 4 năm 2015 |')).toBe('45/QĐ-UBND');
    expect(numberOf('Số: 08-NQ/T U')).toBe('08-NQ/TU');
    expect(numberOf('Số: 12/QĐ-UBND V/v cấp phép xây dựng')).toBe('12/QĐ-UBND');
    expect(numberOf('Số: 12/QĐ-T U V/v cấp phép xây dựng')).toBe('12/QĐ-TU');
    expect(numberOf('Số: 15/KH-UBND Đ ồng Nai, ngày 01 tháng 02 năm 2020')).toBe('15/KH-UBND');
    expect(numberOf('Số: 15/KH-U B Đ ồng Nai, ngày 01 tháng 02 năm 2020')).toBe('15/KH-UB');
    expect(numberOf('Số: 15/KH-U B T hành phố Huế, ngày 01 tháng 02 năm 2020')).toBe('15/KH-UB');
  });

  it('reads a quốc hiệu whose letters are cut apart (empty bold inside a word, a stray space) as no part of the issuer', () => {
    const markdown = ['B****Ộ Y TẾ', '', '**C****Ộ****NG HÒA XÃ H****Ộ****I CH****Ủ** **NGHĨA VI****Ệ****T NAM**', '', 'Số: 21/BYT-KCB', '', 'Hà Nội, ngày 04 tháng 5 năm 2018', '', 'Nội dung.'].join('\n');
    expect(extractText(markdown, { source: 't.md', markdown: true }).documents[0]).toMatchObject({ issuer: 'BỘ Y TẾ', issuerLevel: 'ministry' });
    const spaced = ['BỘ CÔNG THƯƠNG', 'CỘ NG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 8/BCT-KH', 'Hà Nội, ngày 04 tháng 5 năm 2018', '', 'Nội dung.'].join('\n');
    expect(extractText(spaced, { source: 't' }).documents[0]).toMatchObject({ issuer: 'BỘ CÔNG THƯƠNG', issuerLevel: 'ministry' });
  });

  it('joins issuer letters the crawler cut off either side of a syllable, not a name with an apostrophe', () => {
    const text = ['ỦY B AN NHÂN D Â N T HÀNH P HỐ ĐÀ NẴNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 40/QĐ-UBND', 'Đà Nẵng, ngày 04 tháng 5 năm 2018', '', 'Nội dung.'].join('\n');
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG', issuerLevel: 'province' });
    const apostrophe = ["ỦY BAN NHÂN DÂN HUYỆN CƯ M'GAR", 'Số: 7/UBND-VP', "Cư M'gar, ngày 04 tháng 5 năm 2018", '', 'Nội dung.'].join('\n');
    expect(extractText(apostrophe, { source: 't' }).documents[0]).toMatchObject({ issuer: "ỦY BAN NHÂN DÂN HUYỆN CƯ M'GAR", issuerLevel: 'district' });
  });

  it('reads a place line and a signature whose capitalised words a conversion cut apart', () => {
    const text = [
      '| ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
      '|---|---|',
      '| Số: 77/QĐ-UBND | T hành phố Đà N ẵng, ngày 03 tháng 5 năm 2016 |',
      '',
      'Nội dung.',
      '',
      '| Nơi nhận: - Như trên; - Lưu: VT. | KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Tr ươ ng Ngu y ễn Hải |',
    ].join('\n');
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({
      date: '2016-05-03',
      year: 2016,
      place: 'Đà Nẵng',
      signer: 'Trương Nguyễn Hải',
      signerTitle: 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
    });
  });

  it('keeps the place match where it starts in the line as written, its values joined', () => {
    const head = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n| Số: 5/UBND | tại B iên H òa, ngày 01 tháng 02 năm 2020 |';
    const m = placeDateIn(head)!;
    expect([m[1], m.index]).toEqual(['Biên Hòa', head.indexOf('B iên')]);
    expect(joinSpacedLetters('Đ ồng Nai, Ng uyễn, T rường')).toBe('Đồng Nai, Nguyễn, Trường');
  });

  it('reads a day or month whose leading zero a conversion spaced apart ("tháng 0 7")', () => {
    const table = ['| BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', '|---|---|', '| Số: 45/2018/NĐ-CP | Hà Nội, ngày 20 tháng 0 7 năm 2018 |', '', 'NGHỊ ĐỊNH'].join('\n');
    expect(extractText(table, { source: 'nd.md', markdown: true }).documents[0]).toMatchObject({ date: '2018-07-20', year: 2018, place: 'Hà Nội' });
    const day = extractText('SỞ Y TẾ\n\nSố: 8/SYT-NV\n\nHuế, ngày 0 5 tháng 3 năm 2019\n\nNội dung.', { source: 't' }).documents[0];
    expect(day).toMatchObject({ date: '2019-03-05', year: 2019, place: 'Huế' });
  });

  it('reads a place-and-date line through emphasis marks the markdown parser left as text', () => {
    const dated = (line: string) => {
      const [doc] = extractText(`BỘ TÀI CHÍNH\n\nSố: 12/BTC-TCT\n\n${line}\n\nKính gửi: Cục Thuế các tỉnh.\n\nNội dung.`, { source: 'cv.md', markdown: true }).documents;
      return [doc.date, doc.year, doc.place];
    };
    // an indented line is a code block: every mark stays, even inside the place name and the digits
    expect(dated('        *Hà N**ộ**i, ngày* *2**5* *tháng* *12*  *năm* *2013*')).toEqual(['2013-12-25', 2013, 'Hà Nội']);
    // marks the parser could not pair: before the comma, inside a number, between a number and a word
    expect(dated('*Hà Nội**, ngày* *05* *tháng* *08* *năm* *2015*')).toEqual(['2015-08-05', 2015, 'Hà Nội']);
    expect(dated('*Hà Nội, ngày 0**7 tháng 11* *năm 2016*')).toEqual(['2016-11-07', 2016, 'Hà Nội']);
    expect(dated('*Hà Nội, ngày 26  tháng* *8**năm 2014*')).toEqual(['2014-08-26', 2014, 'Hà Nội']);
    // a blank form stays without a date, and a citation's date is still no place line
    expect(dated('        *Đà Nẵng, ngày* *…* *tháng* *…* *năm* *2020*')).toEqual([null, 2020, 'Đà Nẵng']);
    expect(dated('Căn cứ Nghị định số 12/2005/NĐ-CP*, ngày* *0**5 tháng 02 năm 2005*')).toEqual([null, null, null]);
    // the match starts where the place starts in the line as written
    const head = 'BỘ TÀI CHÍNH\n    *Hà N**ộ**i, ngày* *2**5* *tháng* *12* *năm* *2013*';
    const m = placeDateIn(head)!;
    expect([m[1], m[2], m.index]).toEqual(['Hà Nội', '25', head.indexOf('Hà N')]);
  });

  it('leaves ordinary place lines, words and signatures as they are', () => {
    expect(placeDateIn('Căn cứ mục B, điểm a.\nHà Nội, ngày 01 tháng 02 năm 2020')![1]).toBe('Hà Nội');
    // a capital standing as a word of its own, or before a word that cannot finish its syllable
    for (const line of ['Phụ lục B và nhóm C', 'Thành phố Hồ Chí Minh', "Cư M'gar", 'loại A, B hoặc C']) expect(joinSpacedLetters(line)).toBe(line);
    // an unbroken signature is read as before, a lower-case word after the name is no part of it
    const plain = 'BỘ TÀI CHÍNH\n\nSố: 12/BTC-CST\n\nHà Nội, ngày 01 tháng 3 năm 2021\n\nNội dung.\n\n| Nơi nhận: - Như trên. | BỘ TRƯỞNG Lê Thị Hoa đã ký |';
    expect(extractText(plain, { source: 't' }).documents[0]).toMatchObject({ signer: 'Lê Thị Hoa', signerTitle: 'BỘ TRƯỞNG' });
  });

  it('splits a file at a second header whose quốc hiệu letters are cut apart', () => {
    const letter = (n: number, motto: string) =>
      ['SỞ Y TẾ', motto, `Số: ${n}/SYT-NV`, 'Huế, ngày 04 tháng 5 năm 2018', '', 'Nội dung của văn bản. '.repeat(12), '', 'Nơi nhận:', '- Như trên.', '', 'GIÁM ĐỐC', '', 'Lê Văn Hòa'].join('\n');
    const text = `${letter(1, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}\n\n${letter(2, 'C ỘNG HÒA XÃ H ỘI CH Ủ NGHĨA VIỆ T NAM')}`;
    expect(extractText(text, { source: 't' }).documents.map((d) => d.number)).toEqual(['1/SYT-NV', '2/SYT-NV']);
  });

  it('reads the issuer of a document without a header where it speaks of itself, in an opening or a closing line', () => {
    const plan = [
      'Kế hoạch phòng, chống đuối nước cho trẻ em năm 2011',
      'Thực hiện Chỉ thị số 20/CT-UBND của Uỷ ban nhân dân tỉnh Quảng Trị về phòng, chống đuối nước cho trẻ em trong mùa mưa lũ;',
      'UBND tỉnh xây dựng Kế hoạch phòng, chống đuối nước cho trẻ em trên địa bàn tỉnh năm 2011, nội dung như sau:',
      '1. Các sở, ngành tổ chức thực hiện.',
    ].join('\n');
    expect(extractText(plan, { source: 't' }).documents[0]).toMatchObject({ issuerLevel: 'province', province: 'Quảng Trị' });
    const notice = [
      'Thông báo ý kiến của Phó Thủ tướng về phòng, chống lụt bão',
      'Ngày 10 tháng 3 năm 2011, Phó Thủ tướng đã chủ trì cuộc họp.',
      'Ý kiến kết luận:',
      '1. Các bộ, ngành chuẩn bị phương án.',
      '2. Các tỉnh ven biển kiểm tra đê điều.',
      'Văn phòng Chính phủ xin thông báo để các cơ quan liên quan biết, thực hiện.',
    ].join('\n');
    expect(extractText(notice, { source: 't' }).documents[0]).toMatchObject({ issuerLevel: 'government', province: null });
    // someone else's act is no self-naming
    const report = ['Báo cáo tình hình phòng, chống lụt bão', 'I. Tình hình', '1. Văn bản chỉ đạo', 'Năm 2011 mưa lớn kéo dài.', 'Thủ tướng Chính phủ đã ban hành Quyết định về phòng, chống lụt bão.', 'Các địa phương đã triển khai.'].join('\n');
    expect(extractText(report, { source: 't' }).documents[0].issuerLevel).toBeNull();
  });

  it('a central body\'s code in the number outweighs an issuer name cut short, so its place line gives no province', () => {
    const text = [
      '| ỦY BAN THƯỜNG VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
      '|---|---|',
      '| Số: 77/NQ-UBTVQH14 | Hà Nội, ngày 02 tháng 3 năm 2018 |',
      '',
      'NGHỊ QUYẾT',
      '',
      'Về việc giám sát chuyên đề năm 2018',
    ].join('\n');
    const [doc] = extractText(text, { source: 'nq.md', markdown: true }).documents;
    expect([doc.number, doc.issuerLevel, doc.province]).toEqual(['77/NQ-UBTVQH14', 'national-assembly', null]);
    // a provincial committee's own number says nothing central: its place line still gives the province
    const local = extractText(text.replace('77/NQ-UBTVQH14', '77/NQ-HĐND').replace('ỦY BAN THƯỜNG VỤ', 'HĐND TỈNH BẮC GIANG').replace('Hà Nội', 'Bắc Giang'), { source: 'nq.md', markdown: true }).documents[0];
    expect([local.issuerLevel, local.province]).toEqual(['province', 'Bắc Giang']);
  });

  it('a national steering committee, known by its name or its number\'s code, has no province from its place line', () => {
    const plan = (issuer: string, number: string, place: string) =>
      [
        `| ${issuer} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |`,
        '|---|---|',
        `| Số: ${number} | ${place}, ngày 14 tháng 5 năm 2016 |`,
        '',
        'KẾ HOẠCH',
        '',
        'Triển khai công tác phòng, chống thiên tai năm 2016',
      ].join('\n');
    const read = (issuer: string, number: string, place = 'Hà Nội') => {
      const [doc] = extractText(plan(issuer, number, place), { source: 'kh.md', markdown: true }).documents;
      return [doc.issuerLevel, doc.province];
    };
    const national = 'BAN CHỈ ĐẠO QUỐC GIA VỀ PHÒNG, CHỐNG THIÊN TAI';
    expect(read(national, '45/KH-BCĐQG')).toEqual(['government', null]);
    // the name alone, under a bare code that a province's committee writes too
    expect(read(national, '45/KH-BCĐ')).toEqual(['government', null]);
    // the code alone, under a name cut short
    expect(read('BAN CHỈ ĐẠO', '45/KH-BCĐQG502')).toEqual(['government', null]);
    expect(read('BAN CHỈ ĐẠO', '45/KH-BCĐTW')).toEqual(['party-central', null]);
    // a province's committee for national programmes stays the province's
    expect(read('BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA TỈNH BẮC GIANG', '45/KH-BCĐ', 'Bắc Giang')).toEqual(['department', 'Bắc Giang']);
  });

  it('a steering committee\'s bare BCĐ code is no ministry: a province\'s plan without a header block keeps its place line\'s province', () => {
    const text = ['Số: 57/KH-BCĐ', 'Bình Dương, ngày 20 tháng 5 năm 2022', '', 'KẾ HOẠCH', '', 'Phòng, chống ma túy trên địa bàn tỉnh năm 2022', '', 'Nội dung.'].join('\n');
    const [doc] = extractText(text, { source: 'kh.txt' }).documents;
    expect([doc.issuer, doc.issuerLevel, doc.province]).toEqual(['Ban Chỉ đạo', 'department', 'Bình Dương']);
  });

  it('reads the signer from the right column of a flattened two-column table', () => {
    const text = [
      'Nội dung.',
      '',
      '  Nơi nhận:                         T/M BAN THƯỜNG VỤ\\',
      '  - Các huyện ủy,\\                    BÍ THƯ\\',
      '  - Lưu: VT.                         Hoàng Minh Đức**',
    ].join('\n');
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({ signer: 'Hoàng Minh Đức', signerTitle: 'BÍ THƯ' });
  });

  it('joins a toned vowel cut off the first vowel of its nucleus ("VI Ệ T", "Qu ả ng"), not two words', () => {
    for (const [cut, joined] of [
      ['ĐẢNG CỘNG SẢN VI Ệ T NAM', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      ['HUYỆN ĐI Ệ N BIÊN, THU Ế, HO Ặ C, QU Ý', 'HUYỆN ĐIỆN BIÊN, THUẾ, HOẶC, QUÝ'],
      ['Qu ả ng Ngãi, Nghi ệp, Đ Ư Ợ C', 'Quảng Ngãi, Nghiệp, ĐƯỢC'],
    ]) expect(joinSpacedLetters(cut)).toBe(joined);
    // a toned first word, a pair that makes no nucleus, an open syllable where the nucleus needs a final
    for (const line of ['TÒA ÁN NHÂN DÂN', 'NHÀ Ở', 'CHO Ý KIẾN', 'NO ẤM', 'định cư ở nước ngoài', 'cho áp dụng']) expect(joinSpacedLetters(line)).toBe(line);
    // the Party's motto so cut is still no part of the issuer
    const party = ['BAN CHẤP HÀNH TRUNG ƯƠNG', 'ĐẢNG CỘNG SẢN VI Ệ T NAM', '*', 'Số 99-CT/TW', 'Hà Nội, ngày 05 tháng 11 năm 2012', '', 'Nội dung.'].join('\n');
    expect(extractText(party, { source: 't' }).documents[0]).toMatchObject({ issuer: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuerLevel: 'party-central' });
  });

  it('reads a place whose first syllable a conversion cut apart, though the rest reads as a place line', () => {
    const text = ['| SỞ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', '|---|---|', '| Số: 5/SYT-NV | Qu ả ng Ngãi, ngày 04 tháng 10 năm 2022 |', '', 'Nội dung.'].join('\n');
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({ place: 'Quảng Ngãi', province: 'Quảng Ngãi', date: '2022-10-04' });
    // a place after an ordinary word of a flattened line stays as read
    expect(placeDateIn('V/v hướng dẫn công tác Hà Nội, ngày 03 tháng 5 năm 2021')![1]).toBe('Hà Nội');
  });

  it('reads a signature whose title words unpaired emphasis marks hold apart ("BỘ** **TRƯỞNG", "BỘ **TRƯỞNG")', () => {
    const signed = (signature: string) => extractText(`BỘ TÀI CHÍNH\n\nSố: 12/BTC-TCT\n\nHà Nội, ngày 01 tháng 3 năm 2021\n\nNội dung.\n\nNơi nhận:\n- Như trên.\n\n${signature}`, { source: 't' }).documents[0];
    expect(signed('**KT. B****Ộ** **TR****ƯỞ****NG\n\n TH****Ứ** **TR****ƯỞ****NG**\n\n**Đ****ỗ** **Ho àng Minh**')).toMatchObject({ signer: 'Đỗ Hoàng Minh', signerTitle: 'KT. BỘ TRƯỞNG' });
    expect(signed('KT. BỘ **TRƯỞNG\n\nTHỨ** TRƯỞNG\n\nLê Thị Lan')).toMatchObject({ signer: 'Lê Thị Lan', signerTitle: 'KT. BỘ TRƯỞNG' });
  });

  it('reads the issuer of a word-segmented text where it speaks after the "Căn cứ" lines or its purpose clause', () => {
    const issuer = (lines: string[]) => {
      const [doc] = extractText(lines.join('\n'), { source: 't' }).documents;
      return [doc.issuer, doc.issuerLevel];
    };
    const basis = 'Căn_cứ Nghị_định số 28/2008/NĐ-CP ngày 14 tháng 3 năm 2008 của Chính_phủ quy_định chức_năng của Bộ ;';
    const law = 'Căn_cứ Luật Đo_lường ngày 11 tháng 11 năm 2011 ;';
    expect(issuer(['Thông_tư hướng_dẫn xử_phạt vi_phạm hành_chính về đo_lường', law, basis, 'Xét đề_nghị của Chánh_Thanh_tra,', 'Bộ_trưởng Bộ Khoa_học và Công_nghệ hướng_dẫn áp_dụng như sau :', '1 . Phạm_vi'])).toEqual(['BỘ KHOA HỌC VÀ CÔNG NGHỆ', 'ministry']);
    expect(issuer(['Thông_tư quy_định chi_tiết về tư_vấn pháp_luật', law, basis, basis, 'Bộ Tư_pháp quy_định chi_tiết như sau :', 'Chương I'])).toEqual(['BỘ TƯ PHÁP', 'ministry']);
    // an early line that is a sentence gives the name, not the sentence
    expect(issuer(['Hướng_dẫn xây_dựng cơ_sở_dữ_liệu', basis, 'Cục Văn_thư và Lưu_trữ Nhà_nước hướng_dẫn việc xây_dựng cơ_sở_dữ_liệu như sau :', 'I . Chung'])).toEqual(['CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC', 'ministry']);
    expect(issuer(['Chỉ_thị về quản_lý sông , kênh , rạch', 'Để tăng_cường công_tác quản_lý sông , kênh , rạch , Uỷ_ban_nhân_dân thành_phố yêu_cầu :', '1 . Các sở'])).toEqual(['UỶ BAN NHÂN DÂN THÀNH PHỐ', 'province']);
    // someone else's act in a purpose clause is still no self-naming
    expect(issuer(['Báo_cáo tình_hình', 'Thực_hiện Chỉ_thị , Bộ Tài_chính đã ban_hành Thông_tư .', '1 . Kết_quả'])).toEqual([null, null]);
  });

  it('ends a signer\'s name before a capitalised word that opens a phrase, and at four syllables', () => {
    const signer = (tail: string) =>
      extractText(`BỘ TÀI CHÍNH\n\nSố: 12/BTC-CST\n\nHà Nội, ngày 01 tháng 3 năm 2021\n\nNội dung.\n\nNơi nhận:\n- Như trên.\n${tail}`, { source: 't' }).documents[0].signer;
    // an annex flattened onto the signature line
    expect(signer('KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Văn Bình Phụ lục (Kèm theo Thông tư số 12/BTC-CST)')).toBe('Lê Văn Bình');
    expect(signer('KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Văn Phụ lục I')).toBe('Lê Văn');
    // a Vietnamese name has at most four syllables
    expect(signer('KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Thị Kim Hoa Website Chính phủ')).toBe('Nguyễn Thị Kim Hoa');
    // the signature's own mark after the name is no phrase of its own
    expect(signer('BỘ TRƯỞNG Lê Thị Hoa đã ký')).toBe('Lê Thị Hoa');
  });

  it('gives a text without an issuer the province it names in passing only when that province leads and is named early or often', () => {
    const province = (lines: string[]) => extractText(lines.join('\n'), { source: 't' }).documents[0].province;
    const body = Array.from({ length: 40 }, (_, i) => `${i + 1} . Tiếp_tục theo_dõi , đôn_đốc việc thực_hiện các nhiệm_vụ công_tác trong tháng theo kế_hoạch đã đề ra .`);
    const report = ['Báo_cáo tình_hình thực_hiện nhiệm_vụ công_tác tháng 02', 'Trong tháng , Bộ đã trình Chính_phủ dự_thảo Nghị_định .', ...body];
    // a national report mentions a province once, deep in its body
    expect(province([...report, 'Tổ_chức Lễ phát_động Tuần_lễ quốc_gia tại tỉnh Hoà_Bình .'])).toBeNull();
    // nor does a tie between two provinces decide
    expect(province([...report, 'Kiểm_tra tại tỉnh Hoà_Bình và tỉnh Sơn_La ; làm_việc với tỉnh Hoà_Bình và tỉnh Sơn_La .'])).toBeNull();
    // named twice, it leads
    expect(province([...report, 'Kiểm_tra tại tỉnh Hoà_Bình ; làm_việc với tỉnh Hoà_Bình .'])).toBe('Hòa Bình');
    // named in the opening lines, where a text without a header names where it speaks for
    expect(province(['Chỉ_thị về quốc_phòng địa_phương', 'Quán_triệt sự chỉ_đạo của UBND thành_phố Hà_Nội , công_tác năm qua đạt kết_quả .', ...body])).toBe('Hà Nội');
  });

  it('reads a district name several provinces share within the province of a Party committee or of the text', () => {
    const party = ['TỈNH ỦY BẠC LIÊU', 'HUYỆN ỦY HÒA BÌNH', '*', 'Số 95-KH/HU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hòa Bình, ngày 20 tháng 9 năm 2023', '', 'Nội dung.'].join('\n');
    expect(extractText(party, { source: 't' }).documents[0]).toMatchObject({ province: 'Bạc Liêu', district: 'Hòa Bình', issuerLevel: 'district' });
    const city = ['THÀNH ỦY CẦN THƠ', 'HUYỆN ỦY PHONG ĐIỀN', '*', 'Số 45-KH/HU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Phong Điền, ngày 20 tháng 9 năm 2012', '', 'Nội dung.'].join('\n');
    expect(extractText(city, { source: 't' }).documents[0]).toMatchObject({ province: 'Cần Thơ', district: 'Phong Điền' });
    const county = ['UBND HUYỆN AN LÃO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 7/KH-UBND', 'An Lão, ngày 31 tháng 8 năm 2017', '', 'Thực hiện Quyết định số 13/2017/QĐ-UBND của UBND thành phố Hải Phòng, UBND huyện ban hành Kế hoạch.'].join('\n');
    expect(extractText(county, { source: 't' }).documents[0]).toMatchObject({ province: 'Hải Phòng', district: 'An Lão', issuerLevel: 'district' });
  });

  describe.skipIf(!existsSync(seeds))('on the seeds (../shared/corpus/seeds)', () => {
    it('maps a district letter to its province through the gazetteer', async () => {
      const { documents } = await extractFile(`${seeds}003_c9c028365ed0d9ae.txt`);
      expect(documents[0]).toMatchObject({ number: '279/UBND-LĐTBXH', district: 'Lục Nam', province: 'Bắc Giang', issuerLevel: 'district', signer: 'Nguyễn Đức Toàn' });
    });

    it('splits a cover letter from the draft it forwards', async () => {
      const { documents } = await extractFile(`${seeds}004_aab771c767b14fb2.txt`);
      expect(documents.map((d) => [d.number, d.issuerLevel])).toEqual([
        ['/SLĐTBXH-BTXH', 'department'],
        ['/UBND-KGVX', 'province'],
      ]);
    });

    it('finds the province of a document without a header in its text', async () => {
      const { documents } = await extractFile(`${seeds}001_166c6e6be5be06b6.txt`);
      expect(documents).toHaveLength(1);
      expect(documents[0]).toMatchObject({ number: null, province: 'Quảng Nam' });
    });
  });
});

describe('subject of a header flattened into few lines, or under a gazette running head', () => {
  const subject = (text: string) => extractText(text, { source: 'test' }).documents[0].subject;

  it('reads the title in capitals run onto the place-and-date line, up to the preamble or the authority', () => {
    expect(
      subject('THỦ TƯỚNG CHÍNH PHỦ ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 12/2024/QĐ-TTg\nHà Nội, ngày 31 tháng 7 năm 2024 QUYẾT ĐỊNH VỀ CƠ CHẾ, CHÍNH SÁCH GIẢI QUYẾT VIỆC LÀM CHO NGƯỜI CÓ ĐẤT THU HỒI Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n'),
    ).toBe('VỀ CƠ CHẾ, CHÍNH SÁCH GIẢI QUYẾT VIỆC LÀM CHO NGƯỜI CÓ ĐẤT THU HỒI');
    expect(
      subject('ỦY BAN NHÂN DÂN TỈNH TÂY NINH -------\nSố: 3745/QĐ-UBND Tây Ninh, ngày 30 tháng 12 năm 2021 QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH ỦY BAN NHÂN DÂN TỈNH TÂY NINH\nCăn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;\n'),
    ).toBe('VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH');
  });

  it('reads "V/v" written after the number on its line, without the lines run on after it', () => {
    expect(
      subject('VĂN PHÒNG CHÍNH PHỦ -------\nSố: 2739/VPCP-ĐMDN V/v quy định về quản trị doanh nghiệp chưa được thực thi\nHà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ Kế hoạch và Đầu tư.\nBáo Đấu thầu đưa tin như sau.\n'),
    ).toBe('quy định về quản trị doanh nghiệp chưa được thực thi');
  });

  it('takes the title under the place-and-date line, not a gazette running head above the header', () => {
    expect(
      subject('CÔNG BÁO/Số 849 + 850/Ngày 12-10-2021\n\nVĂN BẢN QUY PHẠM PHÁP LUẬT\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\nSố: 28/2021/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nHà Nội, ngày 01 tháng 10 năm 2021\n\nQUYẾT ĐỊNH\nQuy định về việc thực hiện chính sách hỗ trợ người lao động\ntừ Quỹ bảo hiểm thất nghiệp\n\nCăn cứ Luật Việc làm ngày 16 tháng 11 năm 2013;\n'),
    ).toBe('Quy định về việc thực hiện chính sách hỗ trợ người lao động từ Quỹ bảo hiểm thất nghiệp');
  });
});
