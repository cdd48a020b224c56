import { parentPort } from 'node:worker_threads';
import { readOutEveryNode, type ReadoutAnswer, type ReadoutJob } from './readout-thread';

/**
 * The indicator worker thread (readout-thread.ts): builds the suppressed tables of the periods
 * it is sent, as the service would, and answers with every node's figures. Plain data in and
 * out; no database, no logging (an error is answered by its message only).
 */
parentPort!.on('message', (job: ReadoutJob) => {
  let answer: ReadoutAnswer;
  try {
    answer = { id: job.id, figures: readOutEveryNode(job.readouts) };
  } catch (error) {
    answer = { id: job.id, error: (error as Error).message };
  }
  parentPort!.postMessage(answer);
});
