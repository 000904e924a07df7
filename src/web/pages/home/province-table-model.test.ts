import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AreaDto, ObservationDto } from "../../data/types.ts";
import {
  buildProvinceRows,
  defaultSeries,
  filterRows,
  latestYearBySeries,
  nextSort,
  type ProvinceRow,
  sortRows,
} from "./province-table-model.ts";

const area = (code: string, name_vi: string, name_en: string, parent: string): AreaDto => ({
  geography: "2025",
  code,
  name_vi,
  name_en,
  level: "province",
  parent,
});

const PROVINCES = [
  area("66", "Đắk Lắk", "Dak Lak", "DHNTB_TN"),
  area("79", "Hồ Chí Minh", "Ho Chi Minh City", "DNB"),
  area("01", "Hà Nội", "Ha Noi", "DBSH"),
  area("48", "Đà Nẵng", "Da Nang", "DHNTB_TN"),
  area("92", "Cần Thơ", "Can Tho", "DBSCL"),
];
const REGIONS: AreaDto[] = [
  {
    geography: "2025",
    code: "DBSH",
    name_vi: "Đồng bằng sông Hồng",
    name_en: "Red River Delta",
    level: "region",
    parent: "VN",
  },
  {
    geography: "2025",
    code: "DNB",
    name_vi: "Đông Nam Bộ",
    name_en: "Southeast",
    level: "region",
    parent: "VN",
  },
  {
    geography: "2025",
    code: "DBSCL",
    name_vi: "Đồng bằng sông Cửu Long",
    name_en: "Mekong River Delta",
    level: "region",
    parent: "VN",
  },
  {
    geography: "2025",
    code: "DHNTB_TN",
    name_vi: "Duyên hải Nam Trung Bộ và Tây Nguyên",
    name_en: "South Central Coast and Central Highlands",
    level: "region",
    parent: "VN",
  },
];

function obs(
  indicator: string,
  area: string,
  period: string,
  series: string,
  value: number | null,
  complete = true,
): ObservationDto {
  return {
    indicator,
    geography: "2025",
    area,
    period,
    series,
    value,
    numerator: null,
    denominator: null,
    complete,
    missing: complete ? [] : ["2008:66"],
    method: "ratio-of-sums@1",
    status: "estimate",
  };
}

const COLUMNS = { de: "DE_SHARE_GDP", ecom: "ECOM_SHARE_RETAIL", sme: "SME_DIGITAL_PLATFORM" };

const OBSERVATIONS = [
  obs("DE_SHARE_GDP", "79", "2025", "demo", 18.7),
  obs("DE_SHARE_GDP", "01", "2025", "demo", 17.2),
  obs("DE_SHARE_GDP", "48", "2025", "demo", 19.8),
  obs("DE_SHARE_GDP", "66", "2025", "demo", 6.1, false),
  obs("ECOM_SHARE_RETAIL", "79", "2025", "demo", 12.5),
  obs("DE_SHARE_GDP", "79", "2024", "demo", 17.9),
  obs("DE_SHARE_GDP", "79", "2022", "mic_estimate", 18.66),
  obs("DE_SHARE_GDP", "79", "2025-Q4", "demo", 30),
];

function rows(lang: "vi" | "en" = "vi"): ProvinceRow[] {
  return buildProvinceRows({
    provinces: PROVINCES,
    regions: REGIONS,
    observations: OBSERVATIONS,
    series: "demo",
    year: 2025,
    columns: COLUMNS,
    lang,
  });
}

describe("latestYearBySeries and defaultSeries", () => {
  it("should find each series' latest year with a value, ignoring quarters", () => {
    const latest = latestYearBySeries(OBSERVATIONS);
    assert.equal(latest.get("demo"), 2025);
    assert.equal(latest.get("mic_estimate"), 2022);
  });

  it("should default to the series with the most recent data", () => {
    assert.equal(defaultSeries(latestYearBySeries(OBSERVATIONS)), "demo");
  });

  it("should prefer reported data over demo data of the same year", () => {
    assert.equal(
      defaultSeries(
        new Map([
          ["demo", 2025],
          ["reported", 2025],
        ]),
      ),
      "reported",
    );
  });

  it("should give no series when there is no data", () => {
    assert.equal(defaultSeries(new Map()), undefined);
  });
});

describe("buildProvinceRows", () => {
  it("should give one row per province, with missing values as null", () => {
    const r = rows();
    assert.equal(r.length, 5);
    const hcm = r.find((x) => x.code === "79")!;
    assert.equal(hcm.cells.de?.value, 18.7);
    assert.equal(hcm.cells.ecom?.value, 12.5);
    assert.equal(hcm.cells.sme, null);
    assert.equal(r.find((x) => x.code === "92")!.cells.de, null);
  });

  it("should keep the year and the series apart", () => {
    assert.equal(rows().find((x) => x.code === "79")!.cells.de?.value, 18.7);
  });

  it("should carry the incomplete flag and what is missing", () => {
    const dl = rows().find((x) => x.code === "66")!;
    assert.equal(dl.cells.de?.complete, false);
    assert.deepEqual(dl.cells.de?.missing, ["2008:66"]);
  });

  it("should name the region in the interface language and the province in Vietnamese", () => {
    const hn = rows("en").find((x) => x.code === "01")!;
    assert.equal(hn.region, "Red River Delta");
    assert.equal(hn.name, "Hà Nội");
  });
});

describe("filterRows", () => {
  it("should find Đắk Lắk by 'dak lak'", () => {
    assert.deepEqual(
      filterRows(rows(), "dak lak").map((r) => r.name),
      ["Đắk Lắk"],
    );
  });

  it("should find Hồ Chí Minh by 'ho chi minh'", () => {
    assert.deepEqual(
      filterRows(rows(), "ho chi minh").map((r) => r.code),
      ["79"],
    );
  });

  it("should match the English name too", () => {
    assert.deepEqual(
      filterRows(rows(), "city").map((r) => r.code),
      ["79"],
    );
  });
});

describe("sortRows", () => {
  it("should sort names in Vietnamese order, Đ after D", () => {
    assert.deepEqual(
      sortRows(rows(), { column: "name", direction: "asc" }, "vi").map((r) => r.name),
      ["Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Hà Nội", "Hồ Chí Minh"],
    );
  });

  it("should sort values high to low with missing values last", () => {
    assert.deepEqual(
      sortRows(rows(), { column: "de", direction: "desc" }, "vi").map((r) => r.code),
      ["48", "79", "01", "66", "92"],
    );
  });

  it("should keep missing values last when sorting low to high", () => {
    assert.deepEqual(
      sortRows(rows(), { column: "de", direction: "asc" }, "vi").map((r) => r.code),
      ["66", "01", "79", "48", "92"],
    );
  });

  it("should sort regions in Vietnamese order and break ties by the province name", () => {
    assert.deepEqual(
      sortRows(rows(), { column: "region", direction: "asc" }, "vi").map((r) => r.code),
      ["48", "66", "92", "01", "79"],
    );
  });
});

describe("nextSort", () => {
  it("should flip the direction on the same column", () => {
    assert.deepEqual(nextSort({ column: "de", direction: "desc" }, "de"), { column: "de", direction: "asc" });
  });

  it("should start a value column high to low and a text column A to Z", () => {
    assert.deepEqual(nextSort({ column: "name", direction: "asc" }, "ecom"), {
      column: "ecom",
      direction: "desc",
    });
    assert.deepEqual(nextSort({ column: "ecom", direction: "desc" }, "region"), {
      column: "region",
      direction: "asc",
    });
  });
});
