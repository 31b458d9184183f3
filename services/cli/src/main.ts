import { main } from './program.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
