// The search index's posting lists built off the window's thread (issue 13): at ×1 the build's
// garbage made the window's collector stop it for 100–155 ms every ~20 s. This worker writes only
// the index's own tables (searchPostings, searchState), in the same short transactions as the
// window would, so a record written meanwhile is kept exactly as there (postingsBuild.ts).
import { buildPostings } from './postingsBuild';
import type { PostingsReply, PostingsRequest } from './postingsClient';
import { workerConnection } from './workerConnection';

const connection = workerConnection();

const scope = globalThis as unknown as {
  onmessage: ((event: { data: PostingsRequest }) => void) | null;
  postMessage(reply: PostingsReply): void;
};

scope.onmessage = ({ data: { id } }) => {
  const started = performance.now();
  connection
    .opened()
    .then((db) => buildPostings(db))
    .then(
      () => scope.postMessage({ id, answer: true, tookMs: performance.now() - started }),
      (error: unknown) => {
        connection.reset();
        scope.postMessage({ id, failed: String(error) });
      },
    );
};
