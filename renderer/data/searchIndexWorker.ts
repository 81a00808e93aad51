// The archive's search index built off the window's thread (issue 13): at ×1 the build's garbage
// made the window's collector stop it for 100–155 ms every ~20 s. This worker reads the records
// and writes only the index's own tables, in the same short transactions as the window would, so
// a record written meanwhile is indexed exactly as there (indexBuild.ts, searchIndex.ts).
import { indexArchive } from './indexBuild';
import type { IndexReply, IndexRequest } from './searchIndexClient';
import { workerConnection } from './workerConnection';

const connection = workerConnection();

const scope = globalThis as unknown as {
  onmessage: ((event: { data: IndexRequest }) => void) | null;
  postMessage(reply: IndexReply): void;
};

scope.onmessage = ({ data: { id } }) => {
  const started = performance.now();
  connection
    .opened()
    .then((db) => indexArchive(db))
    .then(
      () => scope.postMessage({ id, answer: true, tookMs: performance.now() - started }),
      (error: unknown) => {
        connection.reset();
        scope.postMessage({ id, failed: String(error) });
      },
    );
};
