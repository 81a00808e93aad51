// A backup's encoding and compression, beside the backup worker's reading (see gzipInWorker.ts).
import { serveGzip, type FromGzipWorker, type ToGzipWorker } from './gzipInWorker';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: ToGzipWorker }) => void) | null;
  postMessage(message: FromGzipWorker, transfer?: Transferable[]): void;
};

const handle = serveGzip((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = ({ data }) => handle(data);
