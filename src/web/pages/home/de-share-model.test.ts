import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ObservationDto, SeriesDto, TargetDto } from "../../data/types.ts";
import { buildTrendModel } from "./de-share-model.ts";

function obs(
  series: string,
  period: string,
  value: number | null,
  geography: "2008" | "2025" = "2008",
): ObservationDto {
  return {
    indicator: "DE_SHARE_GDP",
    geography,
    area: "VN",
    period,
    series,
    value,
    numerator: null,
    denominator: null,
    complete: true,
    missing: [],
    method: "direct@1",
    status: "official",
  };
}

const SERIES: SeriesDto[] = [
  {
    code: "demo",
    name_vi: "Minh họa",
    name_en: "Demo",
    description_vi: "",
    description_en: "",
    is_demo: true,
  },
  {
    code: "gso_official",
    name_vi: "Chính thức",
    name_en: "Official",
    description_vi: "",
    description_en: "",
    is_demo: false,
  },
  {
    code: "mic_estimate",
    name_vi: "Ước tính",
    name_en: "Estimate",
    description_vi: "",
    description_en: "",
    is_demo: false,
  },
];

const TARGETS: TargetDto[] = [
  {
    indicator: "DE_SHARE_GDP",
    geography: "2025",
    area: "VN",
    year: 2030,
    comparator: ">=",
    value: 30,
    source: "411",
    note: null,
  },
  {
    indicator: "DE_SHARE_GDP",
    geography: "2025",
    area: "VN",
    year: 2025,
    comparator: ">=",
    value: 20,
    source: "411",
    note: null,
  },
  {
    indicator: "DE_SHARE_GDP",
    geography: "2008",
    area: "VN",
    year: 2025,
    comparator: ">=",
    value: 20,
    source: "411",
    note: null,
  },
];

describe("buildTrendModel", () => {
  it("should keep each series as its own line, official first and demo last", () => {
    const m = buildTrendModel(
      [obs("demo", "2024", 14.8), obs("mic_estimate", "2024", 18.3), obs("gso_official", "2024", 13.17)],
      SERIES,
      [],
      "vi",
    );
    assert.deepEqual(
      m.lines.map((l) => l.code),
      ["gso_official", "mic_estimate", "demo"],
    );
    assert.deepEqual(
      m.lines.map((l) => l.name),
      ["Chính thức", "Ước tính", "Minh họa"],
    );
  });

  it("should align every line on one run of years up to the last target year, with gaps as null", () => {
    const m = buildTrendModel(
      [obs("gso_official", "2022", 12.83), obs("mic_estimate", "2024", 18.3)],
      SERIES,
      TARGETS,
      "en",
    );
    assert.deepEqual(m.years, [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    assert.deepEqual(
      m.lines[0]!.points.map((p) => p?.value ?? null),
      [12.83, null, null, null, null, null, null, null, null],
    );
    assert.deepEqual(m.lines[1]!.latest, { year: 2024, value: 18.3 });
  });

  it("should keep one target per year, in year order", () => {
    const m = buildTrendModel([], SERIES, TARGETS, "vi");
    assert.deepEqual(
      m.targets.map((t) => [t.year, t.value]),
      [
        [2025, 20],
        [2030, 30],
      ],
    );
  });

  it("should prefer the observation of the geography in force at the end of the year", () => {
    const m = buildTrendModel(
      [
        obs("gso_official", "2025", 99, "2008"),
        obs("gso_official", "2025", 14.02, "2025"),
        obs("gso_official", "2024", 13.17, "2025"),
        obs("gso_official", "2024", 13.2, "2008"),
      ],
      SERIES,
      [],
      "vi",
    );
    assert.deepEqual(
      m.lines[0]!.points.map((p) => p?.value),
      [13.2, 14.02],
    );
  });

  it("should ignore quarters and halves", () => {
    const m = buildTrendModel(
      [obs("gso_official", "2024-Q3", 13), obs("gso_official", "2024-S1", 13)],
      SERIES,
      [],
      "vi",
    );
    assert.equal(m.lines.length, 0);
  });

  it("should say it shows demo values only when a demo line has a value", () => {
    assert.equal(buildTrendModel([obs("demo", "2024", 14.8)], SERIES, [], "vi").showsDemo, true);
    assert.equal(buildTrendModel([obs("demo", "2024", null)], SERIES, [], "vi").showsDemo, false);
    assert.equal(buildTrendModel([obs("gso_official", "2024", 13.17)], SERIES, [], "vi").showsDemo, false);
  });

  it("should name an unknown series by its code", () => {
    const m = buildTrendModel([obs("worldbank", "2024", 10)], SERIES, [], "en");
    assert.equal(m.lines[0]!.name, "worldbank");
  });
});
