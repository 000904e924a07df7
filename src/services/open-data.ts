/**
 * Open data (DESIGN §6, §7): every published value downloadable as CSV, XLSX, JSON, SDMX-CSV 2.0
 * and SDMX-JSON 2.0 — per indicator, per release, or everything at once — and the SDMX structure
 * (DSD and codelists).
 *
 * Exports are streamed: values come from the database a batch of stored rows at a time
 * (`streamComputed`, keyset-paged) and each format is written incrementally, so a bulk export of
 * everything runs in bounded memory whatever the data size (bench/export.ts measures it). XLSX
 * goes through `xlsx-stream.ts` (ExcelJS's streaming writer with backpressure, a sheet per
 * 1,048,575 rows).
 * CSV and XLSX cells go through the one formula neutraliser of `export.ts`.
 *
 * SDMX-JSON is written in one pass: the series-level dimensions list every code of their
 * codelists (known before the data), and the TIME_PERIOD values, known only once every value has
 * been seen, are written in `structures` after `dataSets` (JSON members have no order).
 */
import { Readable } from "node:stream";
import type { Geography } from "../domain/area.ts";
import type { Actor } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import { listAreas, listIndicators, listSeries } from "../store/catalog-repo.ts";
import { type ComputedFilter, type ComputedRow, streamComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import {
  csvCell,
  csvLine,
  jsonLine,
  neutralizeFormula,
  OBSERVATION_COLUMNS,
  observationRecord,
} from "./export.ts";
import { checkCodes } from "./read.ts";
import { assertReleaseVisible } from "./releases.ts";
import {
  CODELIST_IDS,
  type CodelistId,
  codelistCodes,
  codelistMessage,
  DSD_URN,
  dsdMessage,
  freqOf,
  obsStatus,
  refArea,
  SDMX_CSV_COLUMNS,
  type SdmxCatalogue,
  STRUCTURE_REF,
  seriesDimensions,
  statusValues,
} from "./sdmx.ts";
import { streamXlsx, type XlsxCell } from "./xlsx-stream.ts";

export const EXPORT_FORMATS = ["csv", "xlsx", "json", "sdmx-csv", "sdmx-json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  "sdmx-csv": "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8",
  "sdmx-json": "application/vnd.sdmx.data+json; version=2.0.0; charset=utf-8",
};

const EXTENSION: Record<ExportFormat, string> = {
  csv: "csv",
  xlsx: "xlsx",
  json: "json",
  "sdmx-csv": "sdmx.csv",
  "sdmx-json": "sdmx.json",
};

export interface DataScope {
  /** Whose request it is (a release's data before its time is for reviewers and analysts only). */
  viewer: Actor | null;
  /** The instant of the request (embargo). */
  at: Date;
  /** The snapshot of one release instead of everything published. */
  release?: number;
}

export interface DataFilter {
  indicator?: string[];
  series?: string[];
  geography?: Geography[];
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Readable;
}

/**
 * Stored rows read per database round trip (each holds one area's whole time series, ~40 values).
 * Small batches keep the garbage between collections small: with 200 the bulk JSON export peaked
 * near 270 MB, with 50 under 200 MB, at the same speed (bench/export.ts).
 */
const BATCH_ROWS = 50;

async function loadCatalogue(store: Store): Promise<SdmxCatalogue> {
  const [areas, indicators, series] = await Promise.all([
    listAreas(store.db),
    listIndicators(store.db),
    listSeries(store.db),
  ]);
  return { areas, indicators, series };
}

/**
 * Opens an export: checks the request (codes, release visibility) before the first byte, so a bad
 * request is a 4xx and not a broken download, then returns the streamed body.
 */
export async function exportData(
  store: Store,
  scope: DataScope,
  filter: DataFilter,
  format: ExportFormat,
  options: { batchRows?: number } = {},
): Promise<ExportFile> {
  const catalogue = await loadCatalogue(store);
  checkCodes("indicator", filter.indicator, new Set(catalogue.indicators.map((i) => i.code)));
  checkCodes("series", filter.series, new Set(catalogue.series.map((s) => s.code)));
  if (scope.release !== undefined) await assertReleaseVisible(store, scope.viewer, scope.release, scope.at);
  const query: Omit<ComputedFilter, "limit" | "offset"> = {
    ...(filter.indicator ? { indicator: filter.indicator } : {}),
    ...(filter.series ? { series: filter.series } : {}),
    ...(filter.geography ? { geography: filter.geography } : {}),
    ...(scope.release !== undefined
      ? { release: scope.release }
      : { publishedOnly: true, publishedAt: scope.at }),
  };
  const batches = () => streamComputed(store.db, query, options.batchRows ?? BATCH_ROWS);
  const name =
    scope.release !== undefined
      ? `dxmonitor-release-${scope.release}`
      : filter.indicator?.length === 1
        ? `dxmonitor-${filter.indicator[0]}`
        : "dxmonitor-data";
  const units = new Map(catalogue.indicators.map((i) => [i.code, i.unit]));
  const body =
    format === "xlsx"
      ? xlsxStream(batches(), units)
      : Readable.from(
          format === "csv"
            ? csvChunks(batches(), units)
            : format === "json"
              ? jsonChunks(batches(), units, { release: scope.release ?? null, at: scope.at })
              : format === "sdmx-csv"
                ? sdmxCsvChunks(batches(), units)
                : sdmxJsonChunks(batches(), units, catalogue, scope.at),
        );
  return { filename: `${name}.${EXTENSION[format]}`, contentType: CONTENT_TYPE[format], body };
}

/** A row of the open-data CSV, JSON and XLSX: the value with its indicator's unit. */
function record(o: ComputedRow, units: ReadonlyMap<string, string>) {
  return observationRecord({ ...o, unit: units.get(o.indicator) ?? null });
}

async function* csvChunks(
  batches: AsyncGenerator<ComputedRow[]>,
  units: ReadonlyMap<string, string>,
): AsyncGenerator<string> {
  yield `${OBSERVATION_COLUMNS.join(",")}\n`;
  for await (const batch of batches) {
    let chunk = "";
    for (const o of batch) chunk += csvLine(o, units.get(o.indicator) ?? null);
    yield chunk;
  }
}

async function* jsonChunks(
  batches: AsyncGenerator<ComputedRow[]>,
  units: ReadonlyMap<string, string>,
  about: { release: number | null; at: Date },
): AsyncGenerator<string> {
  yield `{"release":${JSON.stringify(about.release)},"as_of":${JSON.stringify(about.at.toISOString())},"columns":${JSON.stringify(OBSERVATION_COLUMNS)},"items":[`;
  let first = true;
  for await (const batch of batches) {
    const parts = batch.map((o) => jsonLine(o, units.get(o.indicator) ?? null));
    if (!parts.length) continue;
    yield `${first ? "" : ","}\n${parts.join(",\n")}`;
    first = false;
  }
  yield "\n]}\n";
}

function sdmxRow(o: ComputedRow, units: ReadonlyMap<string, string>): string[] {
  return [
    "datastructure",
    STRUCTURE_REF,
    "I",
    freqOf(o.period),
    refArea(o.geography, o.area),
    o.indicator,
    units.get(o.indicator) ?? "",
    o.series,
    o.period,
    o.value === null ? "" : String(o.value),
    obsStatus(o.status),
  ];
}

async function* sdmxCsvChunks(
  batches: AsyncGenerator<ComputedRow[]>,
  units: ReadonlyMap<string, string>,
): AsyncGenerator<string> {
  yield `${SDMX_CSV_COLUMNS.join(",")}\n`;
  for await (const batch of batches) {
    let chunk = "";
    for (const o of batch) chunk += `${sdmxRow(o, units).map(csvCell).join(",")}\n`;
    yield chunk;
  }
}

async function* sdmxJsonChunks(
  batches: AsyncGenerator<ComputedRow[]>,
  units: ReadonlyMap<string, string>,
  catalogue: SdmxCatalogue,
  prepared: Date,
): AsyncGenerator<string> {
  const dims = seriesDimensions(catalogue);
  const index = dims.map((d) => new Map(d.values.map((v, i) => [v.id, i])));
  const statuses = statusValues();
  const statusIndex = new Map(statuses.map((s, i) => [s.id, i]));
  const periods = new Map<string, number>();
  yield `{"meta":${JSON.stringify({
    schema:
      "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json",
    id: `DXM-DATA-${prepared.getTime()}`,
    test: false,
    prepared: prepared.toISOString(),
    contentLanguages: ["vi", "en"],
    sender: { id: "DXM", name: "dxmonitor" },
  })},\n"data":{"dataSets":[{"structure":0,"action":"Information","series":{`;
  let firstSeries = true;
  for await (const batch of batches) {
    // A stored row's values arrive together; group them into SDMX series (key without time).
    const series = new Map<string, string[]>();
    for (const o of batch) {
      const key = [
        freqOf(o.period),
        refArea(o.geography, o.area),
        o.indicator,
        units.get(o.indicator) ?? "",
        o.series,
      ]
        .map((code, d) => index[d]!.get(code) ?? -1)
        .join(":");
      let p = periods.get(o.period);
      if (p === undefined) {
        p = periods.size;
        periods.set(o.period, p);
      }
      const obs = `"${p}":[${o.value === null ? "null" : JSON.stringify(o.value)},${statusIndex.get(obsStatus(o.status)) ?? 0}]`;
      const list = series.get(key);
      if (list) list.push(obs);
      else series.set(key, [obs]);
    }
    let chunk = "";
    for (const [key, obs] of series) {
      chunk += `${firstSeries ? "" : ","}\n"${key}":{"observations":{${obs.join(",")}}}`;
      firstSeries = false;
    }
    yield chunk;
  }
  const structure = {
    links: [{ urn: DSD_URN, rel: "DataStructure" }],
    name: "dxmonitor published data",
    names: { vi: "Số liệu công bố của dxmonitor", en: "dxmonitor published data" },
    dimensions: {
      dataSet: [],
      series: dims,
      observation: [
        {
          id: "TIME_PERIOD",
          name: "Time period",
          keyPosition: dims.length,
          roles: ["TIME_PERIOD"],
          values: [...periods.keys()].map((value) => ({ value })),
        },
      ],
    },
    attributes: {
      dataSet: [],
      series: [],
      observation: [{ id: "OBS_STATUS", name: "Observation status", values: statuses }],
    },
    measures: { observation: [{ id: "OBS_VALUE", name: "Observation value" }] },
  };
  yield `\n}}],\n"structures":[${JSON.stringify(structure)}]}}\n`;
}

/** XLSX through the streamed writer of `xlsx-stream.ts` (backpressure, a new sheet every 1,048,575 rows). */
function xlsxStream(batches: AsyncGenerator<ComputedRow[]>, units: ReadonlyMap<string, string>): Readable {
  const cell = (v: unknown): XlsxCell => {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (typeof v === "boolean") return v;
    return neutralizeFormula(Array.isArray(v) ? v.join(" ") : String(v));
  };
  async function* rows() {
    for await (const batch of batches) {
      yield batch.map((o) => {
        const rec = record(o, units);
        return OBSERVATION_COLUMNS.map((c) => cell(rec[c]));
      });
    }
  }
  return streamXlsx(rows(), { sheetName: "data", header: OBSERVATION_COLUMNS });
}

/** The SDMX data structure definition with its concepts and codelists (SDMX-JSON 2.0). */
export async function sdmxDsd(store: Store, prepared: Date): Promise<unknown> {
  return dsdMessage(await loadCatalogue(store), prepared);
}

/** One codelist, as SDMX-JSON 2.0 or as CSV (`id,parent,name_vi,name_en`). */
export async function sdmxCodelist(
  store: Store,
  id: string,
  format: "json" | "csv",
  prepared: Date,
): Promise<{ contentType: string; body: string }> {
  const known: readonly string[] = CODELIST_IDS;
  if (!known.includes(id)) {
    throw new DxmError("not_found", `No codelist ${id}; the codelists are ${known.join(", ")}`, {
      field: "id",
      messageVi: `Không có bảng mã ${id}; các bảng mã: ${known.join(", ")}`,
    });
  }
  const catalogue = await loadCatalogue(store);
  const cl = id as CodelistId;
  if (format === "json") {
    return {
      contentType: "application/vnd.sdmx.structure+json; version=2.0.0; charset=utf-8",
      body: JSON.stringify(codelistMessage(cl, catalogue, prepared)),
    };
  }
  const lines = codelistCodes(cl, catalogue).map((c) =>
    [c.id, c.parent ?? "", c.names.vi, c.names.en].map(csvCell).join(","),
  );
  return { contentType: CONTENT_TYPE.csv, body: `id,parent,name_vi,name_en\n${lines.join("\n")}\n` };
}
