/**
 * Importing a self-assessment file (`dxm assessments import`): as {@link importAssessments}, with
 * the file read, checked and scored in a worker thread while this thread loads the chunks the worker
 * writes. On PGlite the database runs in this thread, so the reading (a million rows: about 12 s)
 * no longer waits for the COPYs nor they for it.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DxmError } from "../domain/errors.ts";
import { projectRoot } from "../paths.ts";
import type { Store } from "../store/db.ts";
import type { FileProgress } from "./assessment-files.ts";
import type { FromImportWorker, ImportWorkerData, ToImportWorker } from "./assessment-import-protocol.ts";
import {
  type ImportChunk,
  type ImportOptions,
  type ImportReadOptions,
  type ImportReadSummary,
  type ImportReport,
  runImport,
} from "./assessments.ts";

// From the project root, not this module's URL: in the server bundle (dist/server) every module
// shares the bundle's URL (src/paths.ts).
const WORKER = pathToFileURL(join(projectRoot, "src/services/assessment-import-worker.ts")).href;
// The worker loads TypeScript through tsx, as the CLI does (bin/dxm.js): its own registration, since
// a worker does not inherit the importing thread's.
const TSX = import.meta.resolve("tsx/esm/api");
const BOOT = `const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); });`;

export async function importAssessmentFile(
  store: Store,
  path: string,
  options: ImportOptions & { onFileProgress?: FileProgress } = {},
): Promise<ImportReport> {
  // Started first: it loads its modules while this thread begins the transaction.
  const reader = startReader(path, options.onFileProgress);
  try {
    return await runImport(store, reader.read, options);
  } finally {
    reader.stop();
  }
}

function startReader(
  path: string,
  onProgress: FileProgress | undefined,
): {
  read: (
    target: string | { firstId: number },
    options: ImportReadOptions,
    load: (chunk: ImportChunk) => Promise<unknown>,
  ) => Promise<ImportReadSummary>;
  stop: () => void;
} {
  const data: ImportWorkerData & { tsx: string; entry: string } = { path, tsx: TSX, entry: WORKER };
  const worker = new Worker(BOOT, { eval: true, workerData: data, execArgv: [] });
  let settled = false;
  let load: (chunk: ImportChunk) => Promise<unknown> = () => Promise.reject(new Error("not started"));
  let resolve: (s: ImportReadSummary) => void = () => {};
  let reject: (e: unknown) => void = () => {};
  // Until read() is called, a failure of the worker waits here for it.
  let early: unknown;
  const settle = (fn: () => void) => {
    if (settled) return;
    settled = true;
    fn();
    void worker.terminate();
  };
  const fail = (e: unknown) => {
    if (!started) early ??= e;
    else settle(() => reject(e));
  };
  let started = false;
  // Chunks load one after the other, in the order written.
  let chain: Promise<unknown> = Promise.resolve();
  const tell = (m: ToImportWorker) => worker.postMessage(m);
  worker.on("message", (m: FromImportWorker) => {
    if (m.t === "chunk")
      chain = chain
        .then(() => load({ data: m.data, rows: m.rows, repeats: m.repeats }))
        .then(
          () => tell({ t: "loaded" }),
          (e: unknown) => {
            tell({ t: "failed", message: e instanceof Error ? e.message : String(e) });
            fail(e);
          },
        );
    else if (m.t === "progress") onProgress?.(m.done, m.total);
    else if (m.t === "done") settle(() => resolve(m.summary));
    else if (m.t === "error") {
      const x = m.error;
      const e = x.dxm
        ? new DxmError(x.dxm.code, x.message, {
            messageVi: x.dxm.messageVi,
            ...(x.dxm.field === undefined ? {} : { field: x.dxm.field }),
          })
        : new Error(x.message);
      if (!x.dxm && x.stack) e.stack = x.stack;
      fail(e);
    }
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the import's reading worker stopped (exit code ${code})`)));
  return {
    read: (target, options, loadChunk) =>
      new Promise<ImportReadSummary>((res, rej) => {
        started = true;
        resolve = res;
        reject = rej;
        load = loadChunk;
        if (early !== undefined) return settle(() => rej(early));
        tell({ t: "start", target, options });
      }),
    stop: () => {
      settled = true;
      void worker.terminate();
    },
  };
}
