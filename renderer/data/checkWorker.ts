// A backup's text read and every row checked, beside the window (see checkInWorker.ts).
import { serveCheck, type FromCheckWorker, type ToCheckWorker } from './checkInWorker';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: ToCheckWorker }) => void) | null;
  postMessage(message: FromCheckWorker): void;
};

const handle = serveCheck((message) => scope.postMessage(message));
scope.onmessage = ({ data }) => handle(data);
