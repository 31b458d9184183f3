// The signer of a document: the name and title above it, found near "Nơi nhận".

// the signing titles, and "Nơi nhận" (group 1) found in the same pass
const signerTitle =
  /(N[ơƠ]i\s+nh[ậẬ]n)|(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG PHÒNG|THỨ TRƯỞNG|VỤ TRƯỞNG|TỔNG GIÁM ĐỐC|CHỦ NHIỆM|THƯỜNG TRỰC|TRƯỞNG ĐOÀN|TỔNG BÍ THƯ|TỔNG KIỂM TOÁN)(?![\p{L}])/gu;
const nameWords = String.raw`[\p{Lu}][\p{Ll}]+(?:[ \t]+[\p{Lu}][\p{Ll}]+){1,4}`;
/** A name right after the title, past signature noise ("(Đã ký)", "[", table pipes, markdown). */
const nameAfterTitle = new RegExp(String.raw`^[\s*\\|\[\]]*(?:\(?(?:Đã ký|đã ký)\)?|\[daky\])?[\s*\\|\[\]]*(${nameWords})(?![\p{Ll}])`, 'u');
/** A line holding only a name (signature columns of flattened tables). */
const nameLine = new RegExp(String.raw`^[\s*\\|]*(${nameWords})[\s*\\|]*$`, 'u');
const notName = /^(?:Nơi|Như|Kính|Các|Sở|Bộ|Ban|Phòng|Văn|Website|Đăng|Lãnh|Chủ|Giám|Ủy|Uỷ|Thủ|Trưởng|Phó|Công|Cục|Tổng|Đảng)(?![\p{L}])/u;

/**
 * Signer: the name after the last signing title ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Đức Toàn"),
 * inline or on a line of its own within a few lines; annexes may follow the signature, so the whole
 * document is searched and the title nearest to "Nơi nhận" wins.
 */
export function signerOf(text: string): { signer: string | null; signerTitle: string | null } {
  let receivers = -1;
  const titles: RegExpExecArray[] = [];
  signerTitle.lastIndex = 0;
  for (let m = signerTitle.exec(text); m; m = signerTitle.exec(text)) {
    if (m[1] === undefined) titles.push(m);
    else if (receivers === -1) receivers = m.index;
  }
  let best: { signer: string; title: string; distance: number } | null = null;
  for (const m of titles) {
    const from = m.index + m[0].length;
    const after = text.slice(from, from + 900);
    const inline = nameAfterTitle.exec(after);
    let name = inline?.[1] ?? null;
    if (!name) {
      for (const line of after.split('\n').slice(1, 25)) {
        const only = nameLine.exec(line);
        if (only && !notName.test(only[1])) {
          name = only[1];
          break;
        }
      }
    }
    if (!name || notName.test(name)) continue;
    const distance = receivers === -1 ? text.length - m.index : Math.abs(m.index - receivers);
    if (!best || distance <= best.distance) best = { signer: name.replace(/\s+/g, ' '), title: titleBefore(text, m.index, from), distance };
  }
  return best ? { signer: best.signer, signerTitle: best.title || null } : { signer: null, signerTitle: null };
}

/** The upper-case title lines ending at `end` ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), at most three. */
function titleBefore(text: string, start: number, end: number): string {
  const lines = text.slice(Math.max(0, start - 200), end).split('\n');
  const kept: string[] = [];
  for (let k = lines.length - 1; k >= 0 && kept.length < 3; k--) {
    const line = lines[k].replace(/[*\\|\[\]]|\(?(?:Đã ký|đã ký)\)?/g, ' ').trim();
    if (!line) {
      if (kept.length) break;
      continue;
    }
    if (line !== line.toUpperCase()) {
      if (k === lines.length - 1) kept.unshift(line.replace(/^.*?(?=(?:KT\.|TM\.|T\/M|TL\.|Q\.)|\p{Lu}{2})/u, ''));
      break;
    }
    kept.unshift(line);
  }
  return kept.join(' ').replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim();
}
