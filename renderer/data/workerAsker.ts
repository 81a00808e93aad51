// What the window's side of a reading worker needs (searchClient.ts, boardClient.ts): start it
// on first use, match replies to requests by id, and answer null whatever it cannot answer (it
// failed to start, it broke, its reply says it failed), so the caller reads in the window
// instead and never fails for the worker's sake.

export interface WorkerLike<Request, Reply> {
  postMessage(message: Request): void;
  addEventListener(type: 'message', fn: (event: { data: Reply }) => void): void;
  addEventListener(type: 'error', fn: () => void): void;
}

/** A reply names its request's id; `failed` when the worker could not answer it. */
export type WorkerReply<Answer> = { id: number; answer: Answer; tookMs: number } | { id: number; failed: string };

export interface WorkerAsker<Request, Answer> {
  /** The worker's answer, or null where the window must read itself. */
  ask(request: (id: number) => Request): Promise<{ answer: Answer; tookMs: number } | null>;
  /** A message that wants no reply (e.g. open the connection early). */
  tell(message: Request): void;
}

export function workerAsker<Request, Answer>(
  startWorker: (() => WorkerLike<Request, WorkerReply<Answer>>) | null,
): WorkerAsker<Request, Answer> {
  let worker: WorkerLike<Request, WorkerReply<Answer>> | null = null;
  let broken = startWorker === null;
  let next = 1;
  const pending = new Map<number, (reply: WorkerReply<Answer> | null) => void>();
  const started = () => {
    if (broken) return null;
    if (worker) return worker;
    try {
      worker = startWorker!();
    } catch {
      broken = true;
      return null;
    }
    worker.addEventListener('message', ({ data }) => {
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    });
    worker.addEventListener('error', () => {
      broken = true;
      for (const answer of pending.values()) answer(null);
      pending.clear();
    });
    return worker;
  };
  return {
    tell: (message) => started()?.postMessage(message),
    async ask(request) {
      const w = started();
      if (!w) return null;
      const id = next++;
      const reply = await new Promise<WorkerReply<Answer> | null>((resolve) => {
        pending.set(id, resolve);
        w.postMessage(request(id));
      });
      return reply && 'answer' in reply ? { answer: reply.answer, tookMs: reply.tookMs } : null;
    },
  };
}
