import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownPieces } from '../src/lib/markdown-chunks.js';
import type { MdNode } from '../src/lib/parse.js';

type Node = MdNode;

const parser = unified().use(remarkParse);

/** Type, value and absolute span of every node, depth first. */
function flatten(node: Node, base: number, out: string[] = []): string[] {
  out.push(`${node.type}@${base + (node.position?.start.offset ?? 0)}-${base + (node.position?.end.offset ?? 0)}:${node.value ?? ''}`);
  for (const child of node.children ?? []) flatten(child, base, out);
  return out;
}

const blocks = [
  '# CHƯƠNG I\n\nQUY ĐỊNH CHUNG',
  'Căn cứ **Luật** Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; \\*ghi chú\\* &amp; khác',
  '- Mục một\n- Mục hai\n\n- Mục ba, sau một dòng trống\n\n    tiếp tục trong mục',
  '1. Thứ nhất\n2. Thứ hai\n\n3. Thứ ba',
  '> Trích dẫn\ntiếp tục lười\n\n> Trích dẫn khác',
  '    mã thụt lề\n\n    vẫn là mã',
  'Tiêu đề setext\n===',
  '---',
  '*Nơi nhận:*\n- Như Điều 3;\n- Lưu: VT.',
];

describe('markdown pieces', () => {
  it('parse to the same nodes as the whole text, at the same offsets', () => {
    let text = '';
    for (let k = 0; text.length < 120_000; k++) text += `${blocks[k % blocks.length]} (${k})\n\n`;
    const pieces = markdownPieces(text);
    expect(pieces.length).toBeGreaterThan(1);
    const whole = flatten(parser.parse(text) as Node, 0).slice(1);
    const joined = pieces.flatMap((start, k) => flatten(parser.parse(text.slice(start, pieces[k + 1] ?? text.length)) as Node, start).slice(1));
    expect(joined).toEqual(whole);
  });

  it('leave texts with fenced code, HTML blocks or link definitions whole', () => {
    const long = 'Đoạn văn.\n\n'.repeat(10_000);
    expect(markdownPieces(`${long}\`\`\`\nmã\n\n\`\`\`\n`)).toEqual([0]);
    expect(markdownPieces(`${long}<div>\n\nx</div>\n`)).toEqual([0]);
    expect(markdownPieces(`[a]: http://x\n\n${long}[a]`)).toEqual([0]);
    expect(markdownPieces(long).length).toBeGreaterThan(1);
  });
});
