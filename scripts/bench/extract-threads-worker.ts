/**
 * One thread of `pnpm bench:extract`'s runs on every core: prepares its inputs untimed and says
 * so, then for each step it is sent runs one round of that step over every file and answers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareFiles, readBenchFiles, stepRounds, type Step } from './extract-rounds.js';

export interface ThreadJob {
  paths: string[];
}

const files = readBenchFiles((workerData as ThreadJob).paths);
const round = stepRounds(files, prepareFiles(files));
parentPort!.on('message', (step: Step) => parentPort!.postMessage(round[step]()));
parentPort!.postMessage('ready');
