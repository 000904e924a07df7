/** Messages between {@link importAssessmentFile} and its worker (assessment-import-worker.ts). */
import type { ErrorCode } from "../domain/errors.ts";
import type { ImportReadOptions, ImportReadSummary } from "./assessments.ts";

export interface ImportWorkerData {
  path: string;
}

export type FromImportWorker =
  | { t: "chunk"; data: Uint8Array; rows: number; repeats: boolean }
  | { t: "progress"; done: number; total: number }
  | { t: "done"; summary: ImportReadSummary }
  | {
      t: "error";
      error: {
        message: string;
        stack?: string;
        dxm?: { code: ErrorCode; messageVi: string; field?: string };
      };
    };

export type ToImportWorker =
  | { t: "start"; target: string | { firstId: number }; options: ImportReadOptions }
  | { t: "loaded" }
  | { t: "failed"; message: string };
