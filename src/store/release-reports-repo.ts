/**
 * The frozen quarterly reports of published releases (migration 0009): written once, read many
 * times. Inserting is idempotent (two first readers at the same moment: the first one's report is
 * kept, the second reads it back); the PDF is filled once, only where it is still empty.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface ReleaseReportMeta {
  readonly releaseId: number;
  readonly period: string;
  readonly dataAt: Date;
  readonly generatedAt: Date;
  readonly htmlSha256: string;
  readonly pdfSha256: string | null;
  readonly pdfGeneratedAt: Date | null;
}

export interface ReleaseReportRecord extends ReleaseReportMeta {
  readonly html: string;
  readonly pdf: Buffer | null;
}

const META = [
  "release_id",
  "period",
  "data_at",
  "generated_at",
  "html_sha256",
  "pdf_sha256",
  "pdf_generated_at",
] as const;

function toMeta(r: {
  release_id: number;
  period: string;
  data_at: Date;
  generated_at: Date;
  html_sha256: string;
  pdf_sha256: string | null;
  pdf_generated_at: Date | null;
}): ReleaseReportMeta {
  return {
    releaseId: r.release_id,
    period: r.period,
    dataAt: new Date(r.data_at),
    generatedAt: new Date(r.generated_at),
    htmlSha256: r.html_sha256,
    pdfSha256: r.pdf_sha256,
    pdfGeneratedAt: r.pdf_generated_at === null ? null : new Date(r.pdf_generated_at),
  };
}

/** The stored report of a release, with its HTML and (once printed) its PDF bytes. */
export async function findReleaseReport(db: Db, releaseId: number): Promise<ReleaseReportRecord | undefined> {
  const r = await db
    .selectFrom("release_report")
    .select([...META, "html", "pdf"])
    .where("release_id", "=", releaseId)
    .executeTakeFirst();
  if (!r) return undefined;
  // PGlite returns a Uint8Array, pg a Buffer: hand out a Buffer either way.
  const pdf = r.pdf === null ? null : Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength);
  return { ...toMeta(r), html: r.html, pdf };
}

/** The stored reports (without their bytes) of the given releases. */
export async function listReleaseReportMeta(
  db: Db,
  releaseIds: readonly number[],
): Promise<ReleaseReportMeta[]> {
  if (!releaseIds.length) return [];
  const rows = await db
    .selectFrom("release_report")
    .select(META)
    .where("release_id", "in", releaseIds)
    .orderBy("release_id", "desc")
    .execute();
  return rows.map(toMeta);
}

/** Stores a release's report unless one is stored already (the stored one wins). */
export async function insertReleaseReport(
  db: Db,
  r: { releaseId: number; period: string; dataAt: Date; generatedAt: Date; html: string; htmlSha256: string },
): Promise<void> {
  await db
    .insertInto("release_report")
    .values({
      release_id: r.releaseId,
      period: r.period,
      data_at: r.dataAt,
      generated_at: r.generatedAt,
      html: r.html,
      html_sha256: r.htmlSha256,
    })
    .onConflict((oc) => oc.column("release_id").doNothing())
    .execute();
}

/** Stores the PDF of a report that has none yet; a PDF stored first is kept. */
export async function fillReleaseReportPdf(
  db: Db,
  releaseId: number,
  p: { pdf: Buffer; pdfSha256: string; at: Date },
): Promise<void> {
  await db
    .updateTable("release_report")
    .set({ pdf: p.pdf, pdf_sha256: p.pdfSha256, pdf_generated_at: p.at })
    .where("release_id", "=", releaseId)
    .where("pdf", "is", null)
    .execute();
}
