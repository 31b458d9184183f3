import { extractBytes, extractFile, extractText, type FileExtraction } from '@vanban/ingest';
import { messageLabel, type ExtractedDocument, type ExtractResult } from '@vanban/schema';

const severityLabels: Record<string, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'ghi chú' };
import { expandInputs, readStdin, SKIPPED_EXAMPLES, skippedNote } from '../files.js';
import { UsageError } from '../usage-error.js';
import { levelLabel, relationLabel } from '../labels.js';
import { issuerName, viDate } from '../format.js';

export interface ExtractCommandOptions {
  json?: boolean;
  text?: string;
}

/** `vanban extract`: read files (or --text, or stdin) and print what the engine finds. Returns the exit code. */
export async function runExtract(inputs: string[], options: ExtractCommandOptions): Promise<number> {
  if (!inputs.length && options.text === undefined) throw new UsageError('Cần ít nhất một tệp, thư mục, "-" (đầu vào chuẩn) hoặc --text.');
  const results: FileExtraction[] = [];
  if (options.text !== undefined) results.push(extractText(options.text, { source: '--text' }));
  const { files, missing, unreadable, skipped } = await expandInputs(inputs);
  const unread = (source: string, reason: string): FileExtraction => ({ source, ok: false, text: '', documents: [], plain: [], messages: [{ reason, ruleId: 'read:io', severity: 'error', line: null, column: null }] });
  for (const path of missing) results.push(unread(path, 'File or folder not found'));
  for (const { path, reason } of unreadable) results.push(unread(path, `Cannot list folder: ${reason}`));
  if (skipped.length) process.stderr.write(`${skippedNote(skipped.length, skipped.slice(0, SKIPPED_EXAMPLES))}\n`);
  if (!results.length && !files.length) process.stderr.write('Không có tệp .md/.txt nào để đọc.\n');
  for (const file of files) {
    results.push(file === '-' ? extractBytes(await readStdin(), { source: '-' }) : await extractFile(file));
  }

  const failed = results.filter((r) => !r.ok);
  for (const r of results) {
    // a file not read failed on its own messages: those are errors as far as the outcome goes,
    // even the warnings that alone stopped it (an empty file), since it counts as a failure below
    const stoppedBy = !r.ok && !r.messages.some((m) => m.severity === 'error') ? new Set(r.messages) : new Set();
    // the file's own messages (unreadable, binary…), then each document's (no "Số:" line…)
    for (const m of [...r.messages, ...r.documents.flatMap((d) => d.messages)]) {
      const where = m.line ? `${r.source}:${m.line}:${m.column}` : r.source;
      const severity = stoppedBy.has(m) ? 'error' : m.severity;
      process.stderr.write(`${where}  ${severityLabels[severity] ?? severity}  ${messageLabel(m)}  ${m.ruleId}\n`);
    }
  }
  if (options.json) {
    const out: ExtractResult = {
      documents: results.flatMap((r) => r.documents),
      files: results.map((r) => ({ source: r.source, ok: r.ok, documents: r.documents.length, messages: r.messages })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const r of results) for (const d of r.documents) process.stdout.write(summarize(d));
    const docs = results.reduce((n, r) => n + r.documents.length, 0);
    const cites = results.reduce((n, r) => n + r.documents.reduce((m, d) => m + d.citations.length, 0), 0);
    process.stderr.write(`\nĐã đọc ${results.length - failed.length}/${results.length} tệp: ${docs} văn bản, ${cites} trích dẫn.\n`);
  }
  if (failed.length) process.stderr.write(`Không đọc được ${failed.length} tệp: ${failed.map((f) => f.source).join(', ')}\n`);
  return failed.length ? 1 : 0;
}

const label = (value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : String(value));

/** Readable summary of one document for staff (Vietnamese labels). */
function summarize(d: ExtractedDocument): string {
  const lines = [
    `${d.source}${d.index ? ` #${d.index + 1}` : ''}`,
    `  Số ký hiệu: ${label(d.number)}${d.draft ? ' (dự thảo)' : ''}   Loại: ${label(d.type)}   Ngày: ${label(viDate(d.date) ?? d.year)}`,
    `  Cơ quan ban hành: ${label(issuerName(d.issuer))} (${label(levelLabel(d.issuerLevel))})   Tỉnh: ${d.district ? `${d.district}, ` : ''}${label(d.province)}`,
    `  Trích yếu: ${label(d.subject)}`,
    `  Người ký: ${label(d.signer)}${d.signerTitle ? ` — ${d.signerTitle}` : ''}`,
    `  Chủ đề: ${d.topics.length ? d.topics.join('; ') : '—'}`,
    `  Trích dẫn (${d.citations.length}):`,
    ...d.citations.map((c) => `    ${relationLabel(c.relation).padEnd(11)} ${c.number}${c.year ? ` (${c.year})` : ''}${c.pin ? ` [${c.pin}]` : ''}${c.kind !== 'full' ? ` ← "${c.raw.replace(/\s+/g, ' ')}"` : ''}`),
    ...d.assertions.map((a) => `  Khẳng định: ${a.from.number} ${relationLabel(a.relation).toLowerCase()} ${a.to.number}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
