import { main } from './program.js';

// `vanban search … | head`: a closed pipe ends the command quietly
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
