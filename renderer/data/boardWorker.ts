// 按责任人 / 按责任单位 off the window's thread (issue 12): counting the ten years' 105,000
// decisions froze the window for 0.8–0.9 s (the rows' deserialising) of the view's 3.7 s at ×1.
import { tallyFollowedDecisions } from './repos/boardTally';
import type { BoardTallyReply, BoardTallyRequest } from './boardClient';
import { workerConnection } from './workerConnection';

const connection = workerConnection();

const scope = globalThis as unknown as {
  onmessage: ((event: { data: BoardTallyRequest }) => void) | null;
  postMessage(reply: BoardTallyReply): void;
};

scope.onmessage = ({ data: { id, unfollowed, today } }) => {
  const started = performance.now();
  connection
    .opened()
    .then((db) => tallyFollowedDecisions(db, new Set(unfollowed), today))
    .then(
      (answer) => scope.postMessage({ id, answer, tookMs: performance.now() - started }),
      (error: unknown) => {
        connection.reset();
        scope.postMessage({ id, failed: String(error) });
      },
    );
};
