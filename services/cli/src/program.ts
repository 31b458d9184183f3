import { Command, CommanderError } from 'commander';
import { runExtract } from './commands/extract.js';
import { UsageError } from './usage-error.js';

/** The `vanban` command. Data on stdout, messages and progress on stderr. */
export function buildProgram(): Command {
  const program = new Command('vanban')
    .description('Vanban — đồ thị trích dẫn và tìm kiếm văn bản hành chính Việt Nam')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('extract')
    .description('Đọc văn bản (.md, .txt; UTF-8 hoặc UTF-16 có BOM) và in số ký hiệu, trích dẫn, quan hệ tìm được')
    .argument('[files...]', 'tệp hoặc thư mục (đọc đệ quy); "-" đọc từ đầu vào chuẩn')
    .option('--json', 'in một đối tượng JSON { documents, files } cho máy đọc')
    .option('--text <string>', 'đọc văn bản từ chuỗi này thay vì từ tệp')
    .addHelpText(
      'after',
      '\nVí dụ:\n  pnpm --silent vanban extract ../shared/corpus/seeds\n  pnpm --silent vanban extract --json --text "Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012"\n\nMã thoát: 0 đọc được mọi tệp, 1 có tệp không đọc được, 2 sai cách gọi.',
    )
    .action(async (files: string[], options: { json?: boolean; text?: string }) => {
      process.exitCode = await runExtract(files, options);
    });

  return program;
}

/** Run with process arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
