/**
 * Benchmark: reading an uploaded Excel report (issue 4, DESIGN §11). Times `parseUpload` (ZIP
 * checks, ExcelJS, cover, layout and cell checks) on a full province report (every data element of
 * the catalogue, filled) and on a 10,000-row sheet; also the template build. Medians of 5 runs after
 * one warm-up. Goals: full report under 1 s, 10,000 rows under 5 s (validation and storage of the
 * parsed values are timed by the reporting workflow, not here).
 *
 *   npm run bench -- upload
 */
import { dataElements, pillars } from "../src/catalog/indicators.ts";
import type { Principal } from "../src/domain/auth.ts";
import type { DataElement } from "../src/domain/catalog.ts";
import { prepareDatabase } from "../src/services/bootstrap.ts";
import { buildTemplate, parseUpload, type TemplateInput } from "../src/services/excel.ts";
import { getReport, openPeriodAs, saveValues } from "../src/services/reporting.ts";
import { openStore } from "../src/store/db.ts";
import { type BenchRow, median } from "./stats.ts";

const RUNS = 5;
const AREA = { geography: "2025", code: "15", nameVi: "Lào Cai", nameEn: "Lao Cai" } as const;
const PERIOD = "2025-Q3";

async function timeRuns(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

function filled(elements: readonly DataElement[]): TemplateInput {
  const values = new Map<string, number | null>(
    elements.map((e, i) => [e.code, e.valueType === "integer" ? 1000 + i : 123.45 + i]),
  );
  const comments = new Map(
    elements.filter((_, i) => i % 7 === 0).map((e) => [e.code, "Số liệu sơ bộ, đã đối chiếu"]),
  );
  return { area: AREA, period: PERIOD, elements, pillars, values, comments };
}

async function parseCase(name: string, elements: readonly DataElement[], goal: string): Promise<BenchRow[]> {
  const input = filled(elements);
  let file: Buffer = Buffer.alloc(0);
  const build = await timeRuns(async () => {
    file = await buildTemplate(input);
  });
  const expect = { geography: AREA.geography, area: AREA.code, period: PERIOD, elements };
  let values = 0;
  let problems = 0;
  const parse = await timeRuns(async () => {
    const parsed = await parseUpload(file, expect);
    values = parsed.values.size;
    problems = parsed.problems.length;
  });
  if (problems) throw new Error(`bench upload: ${name} parsed with ${problems} problem(s)`);
  return [
    {
      benchmark: "upload",
      case: `parse ${name}`,
      median_ms: median(parse),
      note: `${values} values, ${(file.length / 1024).toFixed(0)} KB XLSX; ${goal}`,
    },
    {
      benchmark: "upload",
      case: `build template, ${name}`,
      median_ms: median(build),
      note: "pre-filled, protected, validated",
    },
  ];
}

export async function benchUpload(): Promise<BenchRow[]> {
  const many: DataElement[] = Array.from({ length: 10_000 }, (_, i) => ({
    ...dataElements[0]!,
    code: `E${String(i).padStart(5, "0")}`,
    nameVi: `Chỉ tiêu số ${i}`,
    nameEn: `Element ${i}`,
  }));
  return [
    ...(await parseCase(
      `full province report (${dataElements.length} elements)`,
      dataElements,
      "goal < 1 s",
    )),
    ...(await parseCase("10,000-row sheet", many, "goal < 5 s")),
    await storeCase(),
  ];
}

/**
 * The whole path of a province's upload on the embedded database: parse the filled template,
 * validate it against the stored rules and store it (what `POST …/upload?confirm=true` does).
 */
async function storeCase(): Promise<BenchRow> {
  const store = await openStore({});
  try {
    await prepareDatabase(store, { demo: false });
    await openPeriodAs(store, "bench", "2026-Q3", "2026-12-31");
    const reporter: Principal = {
      kind: "user",
      id: 1,
      email: "bench@local",
      name: "bench",
      role: "reporter",
      areas: [{ geography: "2025", code: "79" }],
    };
    const key = { geography: "2025" as const, area: "79", period: "2026-Q3" };
    const view = await getReport(store, reporter, key);
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const values = new Map(view.elements.map((e) => [e.code, 1000 + run]));
      const file = await buildTemplate({
        area: { geography: "2025", code: "79", nameVi: view.area.nameVi, nameEn: view.area.nameEn },
        period: key.period,
        elements: view.elements,
        pillars: view.pillars,
        values,
      });
      const t = performance.now();
      const parsed = await parseUpload(file, { ...key, elements: view.elements });
      if (parsed.problems.length)
        throw new Error(`bench upload: unexpected problems ${parsed.problems[0]?.message}`);
      await saveValues(store, reporter, key, { values: Object.fromEntries(parsed.values) }, "upload");
      times.push(performance.now() - t);
    }
    return {
      benchmark: "upload",
      case: `parse + validate + store a province report (${view.elements.length} elements), PGlite`,
      median_ms: median(times),
      note: "goal < 1 s",
    };
  } finally {
    await store.close();
  }
}
