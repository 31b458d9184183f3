import { Command, CommanderError, Option } from 'commander';
import { MAX_PAGE_SIZE } from '@vanban/schema';
import { StoreError } from '@vanban/store';
import { runExport } from './commands/export.js';
import { runExtract } from './commands/extract.js';
import { runGenerate } from './commands/generate.js';
import { ingestPaths, OPTIMIZE_AFTER_FILES, printIngestSummary } from './commands/ingest.js';
import { runAudit } from './commands/audit.js';
import { runImplementations, runLookup, runResolve, runSearch, runShow, runTrace } from './commands/jobs.js';
import { runServe } from './commands/serve.js';
import { runStart } from './commands/start.js';
import { runSync } from './commands/sync.js';
import { speakVietnamese } from './commander-vi.js';
import { ConfigError, readConfig } from './config.js';
import { NotFound } from './open-store.js';
import { describeFileError, describeListenError, describeStoreError } from './system-errors.js';
import { UsageError } from './usage-error.js';

/** What `--help` says after the options: examples, exit codes, where the database is by default. */
function helpAfter(examples: string[], exitCodes: string, db?: string): string {
  const dbNote = db ? `\n--db: mặc định ${db} (đặt VANBAN_DB để đổi; tạo bằng vanban ingest THƯ_MỤC).` : '';
  return `\nVí dụ:\n${examples.map((e) => `  vanban ${e}`).join('\n')}\n${dbNote}\nMã thoát: ${exitCodes}, 2 sai cách gọi (tùy chọn, giá trị không hợp lệ).`;
}
const FOUND = '0 xong, 1 không tìm thấy văn bản (hoặc số ký hiệu ứng với nhiều văn bản: chọn bằng mã, --year, --province) hay lỗi cơ sở dữ liệu';

/** The `vanban` command. Data on stdout, messages and progress on stderr. */
export function buildProgram(): Command {
  const config = readConfig();
  const program = speakVietnamese(new Command('vanban'))
    .description('Vanban — đồ thị trích dẫn và tìm kiếm văn bản hành chính Việt Nam')
    .showHelpAfterError('(vanban --help hoặc vanban <lệnh> --help để xem hướng dẫn)')
    .exitOverride();
  const db = () => new Option('--db <path>', 'tệp cơ sở dữ liệu SQLite (biến môi trường VANBAN_DB)').default(config.db);
  const json = () => new Option('--json', 'in JSON cho máy đọc');
  const year = () => new Option('--year <năm>', 'năm của văn bản khi số ký hiệu trùng nhau');
  const province = () => new Option('--province <tỉnh>', 'tỉnh của văn bản khi số ký hiệu trùng nhau');

  program
    .command('extract')
    .description('Đọc văn bản (.md, .txt; UTF-8 hoặc UTF-16 có BOM) và in số ký hiệu, trích dẫn, quan hệ tìm được (không lưu)')
    .argument('[files...]', 'tệp hoặc thư mục (đọc đệ quy); "-" đọc từ đầu vào chuẩn')
    .option('--json', 'in một đối tượng JSON { documents, files } cho máy đọc')
    .option('--text <string>', 'đọc văn bản từ chuỗi này thay vì từ tệp')
    .addHelpText('after', '\nVí dụ:\n  vanban extract ../shared/corpus/seeds\n  vanban extract --json --text "Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012"\n\nMã thoát: 0 đọc được mọi tệp, 1 có tệp không đọc được, 2 sai cách gọi.')
    .action(async (files: string[], options: { json?: boolean; text?: string }) => {
      process.exitCode = await runExtract(files, options);
    });

  program
    .command('ingest')
    .description('Nhập văn bản vào cơ sở dữ liệu: trích xuất, xác định văn bản được trích dẫn, lập chỉ mục tìm kiếm')
    .argument('<paths...>', 'tệp hoặc thư mục (đọc đệ quy .md, .txt)')
    .addOption(db())
    .addOption(json())
    .addHelpText('after', `\nThư mục được đọc đệ quy, theo cả liên kết (symlink), bỏ qua tệp ẩn; tệp khác .md/.txt (như .docx, .pdf) được bỏ qua và liệt kê trong bản tóm tắt.\nNhập lại cùng tệp không thay đổi gì; tệp đã sửa được thay thế trọn vẹn; một tệp lỗi không dừng các tệp khác.\nSau một lần nhập lớn (từ ${OPTIMIZE_AFTER_FILES.toLocaleString('vi-VN')} tệp, hoặc một phần mười cơ sở dữ liệu), chỉ mục tìm kiếm được gộp lại để tìm nhanh hơn (khoảng 3–4 giây cho 100.000 văn bản).\nMã thoát: 0 tất cả đã nhập, 1 có tệp lỗi (các tệp tốt vẫn được lưu), 2 sai cách gọi.`)
    .action(async (paths: string[], o: { db: string; json?: boolean }) => {
      const summary = await ingestPaths(paths, o.db);
      if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      printIngestSummary(summary);
      process.exitCode = summary.failed.length ? 1 : 0;
    });

  program
    .command('search')
    .description('Tìm văn bản theo từ khóa (có dấu hoặc không dấu) hoặc theo số ký hiệu (1863/QĐ-TTg, qd 1863)')
    .argument('<query>', 'từ khóa hoặc số ký hiệu')
    .option('--province <tỉnh>', 'lọc theo tỉnh, có dấu hoặc không dấu ("Bắc Giang", "bac giang")')
    .option('--year <năm>', 'lọc theo năm: 2019 hoặc 2019-2022')
    .option('--type <loại>', 'lọc theo loại văn bản (mã như KH hoặc tên như "Kế hoạch")')
    .option('--topic <chủ đề>', 'lọc theo chủ đề, có dấu hoặc không dấu, ví dụ "đuối nước"')
    .option('--level <cấp>', 'lọc theo cấp ban hành: mã (party-central, government, ministry, province, department, district…) hoặc tên ("cấp tỉnh", "cap huyen")')
    .option('--limit <n>', `số kết quả mỗi trang (1–${MAX_PAGE_SIZE})`, '10')
    .option('--page <n>', 'trang (số nguyên dương)', '1')
    .addOption(db())
    .addOption(json())
    .addHelpText('after', helpAfter(['search "đuối nước trẻ em" --province "Bắc Giang" --year 2019-2022', 'search 1863/QĐ-TTg', 'search "tai nan thuong tich" --level "cấp huyện" --page 2 --json'], '0 xong (kể cả không có kết quả), 1 lỗi cơ sở dữ liệu', config.db))
    .action((q: string, o) => runSearch(q, o));

  for (const [name, description, run, examples] of [
    ['trace', 'Truy vết lên văn bản gốc mà văn bản này thực hiện (Chỉ thị của Bộ Chính trị, Quyết định của Thủ tướng…), kèm câu nêu từng quan hệ', runTrace, ['trace 851/SXD-VP', 'trace 279/UBND-LĐTBXH --year 2015 --province "Bắc Giang"', 'trace 851-sxd-vp-2022-binh-thuan --json']],
    ['implementations', 'Các văn bản thực hiện văn bản này, theo từng cấp', runImplementations, ['implementations 20-CT/TW', 'implementations 1863/QĐ-TTg --json']],
  ] as const) {
    program
      .command(name)
      .description(description)
      .argument('<ref>', 'mã văn bản (id) hoặc số ký hiệu')
      .addOption(year())
      .addOption(province())
      .addOption(db())
      .addOption(json())
      .addHelpText('after', helpAfter([...examples], FOUND, config.db))
      .action((ref: string, o) => run(ref, o));
  }

  program
    .command('audit')
    .description('Kiểm tra thực hiện: tỉnh nào đã ban hành văn bản thực hiện, khi nào, tỉnh nào chưa')
    .argument('<ref>', 'mã văn bản (id) hoặc số ký hiệu của văn bản cần kiểm tra')
    .addOption(year())
    .addOption(province())
    .option('--provinces <63|34>', '63 tỉnh trước 1/7/2025 hoặc 34 tỉnh sau (kèm tên tỉnh cũ của các văn bản)', '63')
    .addOption(db())
    .addOption(json())
    .addHelpText('after', helpAfter(['audit 20-CT/TW', 'audit 1863/QĐ-TTg --provinces 34', 'audit 20-CT/TW --json > kiem-tra.json'], FOUND, config.db))
    .action((ref: string, o) => runAudit(ref, o));

  program
    .command('lookup')
    .description('Tra số ký hiệu ra các văn bản mang số đó, kèm mã (id) của từng văn bản để dùng với show, trace')
    .argument('<number>', 'số ký hiệu, ví dụ 959/KH-UBND')
    .addOption(year())
    .addOption(province())
    .addOption(db())
    .addOption(json())
    .addHelpText('after', helpAfter(['lookup 959/KH-UBND', 'lookup "qd 1863" --year 2019', 'lookup 20-CT/TW --json'], '0 có văn bản mang số đó, 1 không có (hoặc lỗi cơ sở dữ liệu)', config.db))
    .action((number: string, o) => {
      process.exitCode = runLookup(number, o);
    });

  program
    .command('show')
    .description('Xem một văn bản: thông tin, trích dẫn, văn bản trích dẫn nó')
    .argument('<id>', 'mã văn bản (id) hoặc số ký hiệu')
    .addOption(year())
    .addOption(province())
    .addOption(db())
    .addOption(json())
    .addHelpText('after', helpAfter(['show 851/SXD-VP', 'show 20-ct-tw-2012 --json'], FOUND, config.db))
    .action((id: string, o) => runShow(id, o));

  program
    .command('resolve')
    .description('Xác định lại toàn bộ trích dẫn trên cả kho (chạy lại được, kết quả như nhau)')
    .option('--list', 'liệt kê từng trích dẫn chưa xác định được: văn bản trích dẫn, số ký hiệu, lý do, câu chứa nó')
    .addOption(db())
    .addOption(json())
    .addHelpText('after', helpAfter(['resolve', 'resolve --list > chua-xac-dinh.txt'], '0 xong, 1 lỗi cơ sở dữ liệu (như tệp không ghi được)', config.db))
    .action((o) => runResolve(o));

  program
    .command('export')
    .description('Xuất đồ thị để phân tích: jsonl, csv (mở bằng Excel) hoặc graphml (mở bằng Gephi, yEd)')
    .option('--format <jsonl|csv|graphml>', 'định dạng, chữ hoa hay thường đều được', 'jsonl')
    .option('--what <documents|edges>', 'chỉ xuất văn bản (documents) hoặc chỉ quan hệ (edges); mặc định jsonl có cả hai, csv là quan hệ')
    .option('--out <file>', 'ghi ra tệp thay vì đầu ra chuẩn')
    .addOption(db())
    .addHelpText('after', `\nCSV bắt đầu bằng BOM UTF-8 để Excel đọc đúng tiếng Việt; mỗi quan hệ kèm câu nêu nó, như đã lưu khi nhập.\nSố dòng đã ghi được báo trên đầu ra lỗi chuẩn (stderr).${helpAfter(['export --format csv --out quan-he.csv', 'export --format csv --what documents --out van-ban.csv', 'export --format graphml --out do-thi.graphml'], '0 xong, 1 không ghi được tệp --out hay lỗi cơ sở dữ liệu', config.db)}`)
    .action((o) => runExport(o));

  program
    .command('generate')
    .description('Sinh kho văn bản tổng hợp (Chỉ thị, Quyết định trung ương → kế hoạch tỉnh → công văn sở, huyện) kèm tệp đáp án gold.jsonl')
    .requiredOption('--docs <n>', 'số văn bản (bắt buộc)')
    .requiredOption('--out <dir>', 'thư mục ghi ra (bắt buộc)')
    .option('--seed <s>', 'hạt giống ngẫu nhiên (cùng hạt giống, cùng kết quả)', '1')
    .addOption(new Option('--json', 'in một đối tượng JSON { files, documents, goldPath } cho máy đọc'))
    .action(async (o: { docs: string; out: string; seed: string; json?: boolean }) => {
      const result = await runGenerate(o);
      if (o.json) process.stdout.write(`${JSON.stringify({ files: result.files, documents: result.documents, goldPath: result.goldPath }, null, 2)}\n`);
    });

  program
    .command('sync')
    .description('Chép cơ sở dữ liệu nhúng sang Neo4j và Meilisearch đã cấu hình (VANBAN_NEO4J_*, VANBAN_MEILI_*); chỉ gửi phần thay đổi, chạy lại được khi bị ngắt')
    .addOption(db())
    .addOption(json())
    .action(async (o: { db: string; json?: boolean }) => {
      await runSync(o);
    });

  const port = () => new Option('--port <n>', `cổng HTTP (biến môi trường VANBAN_PORT; 0 = cổng trống bất kỳ)`).default(String(config.port));
  const host = () => new Option('--host <địa chỉ>', 'địa chỉ lắng nghe (VANBAN_HOST; 0.0.0.0 để máy khác truy cập)').default(config.host);
  const workers = () =>
    new Option('--workers <n>', 'số tiến trình cùng phục vụ một cổng (VANBAN_WORKERS; mỗi nhân CPU một tiến trình thì trả lời được nhiều yêu cầu hơn; giới hạn tần suất chia đều cho các tiến trình)').default(String(config.workers));

  program
    .command('serve')
    .description('Phục vụ API và trang web (Tìm kiếm, Văn bản, Kiểm tra thực hiện, Nhập văn bản) trên cơ sở dữ liệu; Ctrl+C để dừng')
    .addOption(port())
    .addOption(host())
    .addOption(workers())
    .addOption(db())
    .action(async (o: { db: string; port: string; host: string; workers: string }) => {
      await runServe(o);
    });

  program
    .command('start')
    .description('Việc chính: chưa có dữ liệu thì sinh kho mẫu và nhập; có --corpus thì nhập thư mục đó; rồi phục vụ trang web và in địa chỉ')
    .option('--corpus <dir>', 'thư mục văn bản của bạn')
    .option('--docs <n>', 'số văn bản của kho mẫu', '2000')
    .option('--no-serve', 'chỉ nhập và in tóm tắt, không phục vụ trang web')
    .addOption(port())
    .addOption(host())
    .addOption(workers())
    .addOption(db())
    .action(async (o: { db: string; corpus?: string; docs: string; serve: boolean; port: string; host: string; workers: string }) => {
      process.exitCode = await runStart(o);
      if (o.serve && process.exitCode !== 2) await runServe(o);
    });

  return program;
}

/** Run with process arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = buildProgram();
    // `pnpm start -- --corpus DIR`: pnpm 10 passes the "--" on; it separates nothing here
    const args = argv[1] === '--' ? [argv[0], ...argv.slice(2)] : argv;
    await program.parseAsync(args, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      return 2;
    }
    if (error instanceof NotFound) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof StoreError) {
      process.stderr.write(`Lỗi cơ sở dữ liệu: ${describeStoreError(error)}\n`);
      return 1;
    }
    const systemProblem = describeFileError(error) ?? describeListenError(error);
    if (systemProblem) {
      process.stderr.write(`Lỗi: ${systemProblem}\n`);
      return 1;
    }
    throw error;
  }
}
