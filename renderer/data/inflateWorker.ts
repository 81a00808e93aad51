// A restore's decompression, beside the window's transaction (see inflateInWorker.ts).
import { serveInflate, type FromInflateWorker, type ToInflateWorker } from './inflateInWorker';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: ToInflateWorker }) => void) | null;
  postMessage(message: FromInflateWorker, transfer?: Transferable[]): void;
};

const handle = serveInflate((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = ({ data }) => handle(data);
