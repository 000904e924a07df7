/**
 * The worker of {@link importAssessmentFile}: reads an import file, checks and scores its rows and
 * writes their COPY chunks, posting each to the importing thread, which loads it into the database.
 * On PGlite the database runs in the importing thread, so reading here lets the two overlap (on
 * PostgreSQL the server already had its own core). One chunk loads while the next is read; the
 * next waits for the word that the last one loaded, so chunks never pile up in memory.
 */
import { parentPort, workerData } from "node:worker_threads";
import { isDxmError } from "../domain/errors.ts";
import { readAssessmentFile } from "./assessment-files.ts";
import type { FromImportWorker, ImportWorkerData, ToImportWorker } from "./assessment-import-protocol.ts";
import { type ImportChunk, type ImportReadOptions, readImportRows } from "./assessments.ts";

const port = parentPort;
if (!port) throw new Error("assessment-import-worker: start it as a worker thread");
const data = workerData as ImportWorkerData;
const post = (m: FromImportWorker) => port.postMessage(m);

let loaded: { resolve: () => void; reject: (e: Error) => void } | undefined;
port.on("message", (m: ToImportWorker) => {
  if (m.t === "start") {
    void run(m.target, m.options);
    return;
  }
  const waiting = loaded;
  loaded = undefined;
  if (m.t === "loaded") waiting?.resolve();
  else waiting?.reject(new Error(`loading a chunk failed: ${m.message}`));
});
// Loaded, the worker waits for "start": the importing thread sends the target once its transaction
// has begun.

const load = (chunk: ImportChunk) =>
  new Promise<void>((resolve, reject) => {
    loaded = { resolve, reject };
    post({ t: "chunk", data: chunk.data, rows: chunk.rows, repeats: chunk.repeats === true });
  });

async function run(target: string | { firstId: number }, options: ImportReadOptions): Promise<void> {
  try {
    const summary = await readImportRows(
      readAssessmentFile(data.path, (done, total) => post({ t: "progress", done, total })),
      target,
      options,
      load,
    );
    post({ t: "done", summary });
  } catch (e) {
    post({
      t: "error",
      error: isDxmError(e)
        ? {
            message: e.message,
            dxm: {
              code: e.code,
              messageVi: e.messageVi,
              ...(e.field === undefined ? {} : { field: e.field }),
            },
          }
        : {
            message: e instanceof Error ? e.message : String(e),
            ...(e instanceof Error && e.stack ? { stack: e.stack } : {}),
          },
    });
  }
  // The importing thread ends this worker once it has the last message.
}
