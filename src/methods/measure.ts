/**
 * The digital economy of one area and period (DESIGN §4.3), from value added by industry and each
 * industry's digital intensity δ (io.ts). D is the set of core digital industries.
 *
 * - core (ICT digital economy) = Σ_{i∈D} VAᵢ
 * - sectoral (digitalised value added of the other industries) = Σ_{j∉D} VAⱼ·δⱼ
 * - platform = the platform economy's value added (Decision 411 method only)
 * - `gso`: DE = core + sectoral; `mic411`: DE = core + platform + sectoral
 * - share = 100 × DE / GRDP; by sector, 100 × VAⱼ·δⱼ / sectoral ("spillover by sector")
 *
 * Design decisions:
 * - The industries are those of `sectorValueAdded`: an industry absent from it contributes nothing
 *   (a province without such activity). A core code absent from it adds 0 to the core.
 * - Every non-core industry with value added needs an intensity in [0, 1]; a missing one is an error
 *   naming the industry, never a silent 0, because it would understate the digital economy.
 *   Intensities of core industries are not used (their whole value added is digital).
 * - `mic411` without the platform value added (null) counts the platform component as 0: the result
 *   is then short of one of its three components, and the caller, which knows what was missing, must
 *   mark it incomplete (services/digital-economy.ts does). Under `gso` the platform figure is ignored.
 * - Value added may be negative (an industry can have negative value added); GRDP may not. A GRDP of
 *   0 or null gives a null share, as does a sectoral total of 0 for the sector shares.
 * - Sectors are sorted by digital value added, largest first, then by code, so the order is stable.
 */
import { DxmError } from "../domain/errors.ts";

export type DeMethod = "gso" | "mic411";

export interface MeasureInput {
  readonly grdp: number | null;
  /** Industry code → value added (VND billion). */
  readonly sectorValueAdded: ReadonlyMap<string, number>;
  /** Platform economy's value added; used by `mic411` only. */
  readonly platformValueAdded: number | null;
  /** δ by industry (io.ts `digitalIntensity`). */
  readonly intensity: ReadonlyMap<string, number>;
  readonly core: ReadonlySet<string>;
  readonly method: DeMethod;
}

export interface SectorMeasure {
  readonly sector: string;
  readonly valueAdded: number;
  readonly intensity: number;
  /** VAⱼ·δⱼ. */
  readonly digitalValueAdded: number;
  /** 100 × VAⱼ·δⱼ / sectoral; null when the sectoral total is 0. */
  readonly shareOfSectoral: number | null;
}

export interface Measurement {
  readonly method: DeMethod;
  /** core + platform + sectoral. */
  readonly valueAdded: number;
  /** 100 × valueAdded / grdp; null without GRDP or with GRDP 0. */
  readonly share: number | null;
  readonly components: { readonly core: number; readonly platform: number; readonly sectoral: number };
  /** Non-core industries, by digital value added, largest first. */
  readonly sectors: readonly SectorMeasure[];
}

export interface DerivedDigitalEconomy {
  /** Σ_{i∈D} VAᵢ. */
  readonly core: number;
  /** Σ_{j∉D} VAⱼ·δⱼ with the direct intensities. */
  readonly digitalisedDirect: number;
  /** Σ_{j∉D} VAⱼ·δⱼ with the total intensities. */
  readonly sectoralTotal: number;
  /** VAⱼ·δⱼ(total) by non-core industry j. */
  readonly bySection: ReadonlyMap<string, number>;
}

function checkFinite(value: number, field: string, what: string, whatVi: string): void {
  if (!Number.isFinite(value)) {
    throw new DxmError("invalid_data", `${what} is not a finite number (${value})`, {
      field,
      messageVi: `${whatVi} không phải số hữu hạn (${value})`,
    });
  }
}

/** A finite value added; the message is built only on failure (this runs for every industry). */
function checkValueAdded(va: number, code: string): void {
  if (Number.isFinite(va)) return;
  checkFinite(
    va,
    `sectorValueAdded.${code}`,
    `Value added of industry "${code}"`,
    `Giá trị tăng thêm của ngành "${code}"`,
  );
}

/** δⱼ of a non-core industry, checked: present, finite, within [0, 1]. */
function intensityOf(intensity: ReadonlyMap<string, number>, code: string, field: string): number {
  const d = intensity.get(code);
  if (d === undefined) {
    throw new DxmError(
      "invalid_data",
      `No digital intensity for industry "${code}": every non-core industry with value added needs one`,
      {
        field: `${field}.${code}`,
        messageVi: `Thiếu cường độ số của ngành "${code}": mọi ngành ngoài kinh tế số lõi có giá trị tăng thêm đều cần`,
      },
    );
  }
  if (!(Number.isFinite(d) && d >= 0 && d <= 1)) {
    throw new DxmError(
      "invalid_data",
      `Digital intensity of industry "${code}" is ${d}; it must be within [0, 1]`,
      {
        field: `${field}.${code}`,
        messageVi: `Cường độ số của ngành "${code}" là ${d}; phải nằm trong [0, 1]`,
      },
    );
  }
  return d;
}

/**
 * Measures the digital economy of one area and period:
 * core = Σ_{i∈D} VAᵢ; sectoral = Σ_{j∉D} VAⱼ·δⱼ; platform = platformValueAdded (`mic411`; 0 when
 * null, which the caller must flag as incomplete) or 0 (`gso`); valueAdded = core + platform + sectoral; share = 100 × valueAdded / grdp;
 * shareOfSectoral_j = 100 × VAⱼ·δⱼ / sectoral.
 *
 * Example (measure.test.ts): VA = {J: 50, C: 300, G: 150}, D = {J}, δ = {C: 0.1, G: 0.2}, GRDP 1000,
 * gso → core 50, sectoral 300·0.1 + 150·0.2 = 30 + 30 = 60, DE 110, share 11 %, each sector 50 %.
 */
export function measureDigitalEconomy(input: MeasureInput): Measurement {
  const { method, core: coreSet } = input;
  if (method !== "gso" && method !== "mic411") {
    throw new DxmError(
      "invalid_parameter",
      `Unknown measurement method "${String(method)}"; use gso or mic411`,
      {
        field: "method",
        messageVi: `Phương pháp đo "${String(method)}" không hợp lệ; dùng gso hoặc mic411`,
      },
    );
  }
  let platform = 0;
  if (method === "mic411" && input.platformValueAdded !== null) {
    checkFinite(
      input.platformValueAdded,
      "platformValueAdded",
      "Platform value added",
      "Giá trị tăng thêm của kinh tế nền tảng",
    );
    platform = input.platformValueAdded;
  }
  const grdp = input.grdp;
  if (grdp !== null) {
    checkFinite(grdp, "grdp", "GRDP", "GRDP");
    if (grdp < 0) {
      throw new DxmError("invalid_data", `GRDP is negative (${grdp})`, {
        field: "grdp",
        messageVi: `GRDP âm (${grdp})`,
      });
    }
  }
  let core = 0;
  let sectoral = 0;
  const codes: string[] = [];
  const values: number[] = [];
  const intensities: number[] = [];
  for (const [code, va] of input.sectorValueAdded) {
    checkValueAdded(va, code);
    if (coreSet.has(code)) {
      core += va;
      continue;
    }
    const d = intensityOf(input.intensity, code, "intensity");
    sectoral += va * d;
    codes.push(code);
    values.push(va);
    intensities.push(d);
  }
  // Built once, in their final shape (object spread is slow where this runs per area and period).
  const sectors: SectorMeasure[] = new Array(codes.length);
  for (let k = 0; k < codes.length; k++) {
    const va = values[k] as number;
    const d = intensities[k] as number;
    const digital = va * d;
    sectors[k] = {
      sector: codes[k] as string,
      valueAdded: va,
      intensity: d,
      digitalValueAdded: digital,
      shareOfSectoral: sectoral === 0 ? null : (100 * digital) / sectoral,
    };
  }
  sectors.sort((a, b) =>
    b.digitalValueAdded !== a.digitalValueAdded
      ? b.digitalValueAdded - a.digitalValueAdded
      : a.sector < b.sector
        ? -1
        : a.sector > b.sector
          ? 1
          : 0,
  );
  const valueAdded = core + platform + sectoral;
  return {
    method,
    valueAdded,
    share: grdp === null || grdp === 0 ? null : (100 * valueAdded) / grdp,
    components: { core, platform, sectoral },
    sectors,
  };
}

/**
 * Turns value added by industry into the stored digital-economy elements (used by recompute):
 * core = Σ_{i∈D} VAᵢ; digitalisedDirect = Σ_{j∉D} VAⱼ·δⱼ(direct); sectoralTotal = Σ_{j∉D} VAⱼ·δⱼ(total);
 * bySection = VAⱼ·δⱼ(total) for each non-core industry j of `sectorValueAdded`.
 * The same rules as `measureDigitalEconomy` apply (a non-core industry needs both intensities in
 * [0, 1]; value added finite).
 */
export function deriveDigitalEconomy(
  sectorValueAdded: ReadonlyMap<string, number>,
  direct: ReadonlyMap<string, number>,
  total: ReadonlyMap<string, number>,
  core: ReadonlySet<string>,
): DerivedDigitalEconomy {
  let coreVa = 0;
  let digitalisedDirect = 0;
  let sectoralTotal = 0;
  const bySection = new Map<string, number>();
  for (const [code, va] of sectorValueAdded) {
    checkValueAdded(va, code);
    if (core.has(code)) {
      coreVa += va;
      continue;
    }
    digitalisedDirect += va * intensityOf(direct, code, "direct");
    const t = va * intensityOf(total, code, "total");
    sectoralTotal += t;
    bySection.set(code, t);
  }
  return { core: coreVa, digitalisedDirect, sectoralTotal, bySection };
}
