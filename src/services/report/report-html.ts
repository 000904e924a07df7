/**
 * The quarterly report as one self-contained HTML page (Vietnamese first, English beside it): no
 * request leaves the file — charts are inline SVG rendered on the server, the font (Noto Sans, from
 * the @fontsource/noto-sans package: latin, latin-ext and Vietnamese subsets, regular and bold) is
 * embedded as data URLs, so the page and the PDF printed from it show Vietnamese the same on any
 * machine, whatever fonts it has. Every chart has a table beside or below it with the same numbers.
 * Print CSS makes A4 pages: tables keep their header on each page, figures are not split.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { GEO_ATTRIBUTION } from "../../catalog/geo.ts";
import { DECISION_411_SOURCE } from "../../catalog/targets.ts";
import { barChart, provinceMap, REPORT_FONT, trendChart } from "./charts.ts";
import type { ReportData } from "./report-data.ts";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const num = (v: number | null | undefined, d = 1) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? "—"
    : new Intl.NumberFormat("vi-VN", { maximumFractionDigits: d, minimumFractionDigits: d }).format(v);
const COMPARATOR: Readonly<Record<string, string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

const SERIES: Readonly<Record<string, [string, string]>> = {
  gso_official: ["Cơ quan thống kê (chính thức)", "Statistics office (official)"],
  mic_estimate: ["Ước tính của Bộ TT&TT", "Ministry estimate"],
  reported: ["Địa phương báo cáo", "Reported by provinces"],
  demo: ["Minh họa (demo)", "Demo"],
  target: ["Mục tiêu QĐ 411", "Decision 411 target"],
};
const seriesVi = (s: string) => SERIES[s]?.[0] ?? s;
const seriesBoth = (s: string) => (SERIES[s] ? `${SERIES[s]![0]} / ${SERIES[s]![1]}` : s);

const CLASSES: Readonly<Record<string, [string, string]>> = {
  achieved: ["Đã đạt", "Achieved"],
  on_track: ["Đúng hướng", "On track"],
  acceleration_needed: ["Cần tăng tốc", "Acceleration needed"],
  off_track: ["Chệch hướng", "Off track"],
  regressing: ["Đi lùi", "Regressing"],
  insufficient_data: ["Chưa đủ số liệu", "Insufficient data"],
};
const STATUSES: Readonly<Record<string, [string, string]>> = {
  not_started: ["Chưa bắt đầu", "Not started"],
  on_track: ["Đúng tiến độ", "On track"],
  at_risk: ["Có nguy cơ chậm", "At risk"],
  late: ["Trễ hạn", "Late"],
  done: ["Hoàn thành", "Done"],
};
const both = (pair: [string, string] | undefined, fallback: string) =>
  pair ? `${esc(pair[0])}<span class="en"> / ${esc(pair[1])}</span>` : esc(fallback);

let fontCss: string | undefined;

/** @font-face rules of Noto Sans (latin, latin-ext, vietnamese; 400 and 700) with embedded files. */
export function embeddedFontCss(): string {
  if (fontCss !== undefined) return fontCss;
  const require = createRequire(import.meta.url);
  const rules: string[] = [];
  const faces: { file: string; weight: number; style: "normal" | "italic" }[] = [
    { file: "400", weight: 400, style: "normal" },
    { file: "700", weight: 700, style: "normal" },
    { file: "400-italic", weight: 400, style: "italic" },
  ];
  for (const face of faces) {
    const cssPath = require.resolve(`@fontsource/noto-sans/${face.file}.css`);
    const css = readFileSync(cssPath, "utf8");
    for (const subset of ["latin", "latin-ext", "vietnamese", "greek"]) {
      const name = `noto-sans-${subset}-${face.weight}-${face.style}`;
      const block = new RegExp(`/\\* ${name} \\*/\\s*@font-face \\{([^}]*)\\}`).exec(css);
      const range = block ? /unicode-range:\s*([^;]+);/.exec(block[1]!)?.[1] : undefined;
      if (!block || !range) throw new Error(`@fontsource/noto-sans: no ${name} block in ${cssPath}`);
      const data = readFileSync(join(dirname(cssPath), "files", `${name}.woff2`)).toString("base64");
      rules.push(
        `@font-face{font-family:'${REPORT_FONT}';font-style:${face.style};font-weight:${face.weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`,
      );
    }
  }
  fontCss = rules.join("\n");
  return fontCss;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { font-family: '${REPORT_FONT}', sans-serif; color: #111827; font-size: 10.5pt; line-height: 1.45; margin: 0; }
main { max-width: 182mm; margin: 0 auto; }
h1 { font-size: 19pt; margin: 0 0 2mm; color: #0b3b6f; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; color: #0b3b6f; border-bottom: 1px solid #cbd5e1; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
.en { color: #4b5563; font-weight: normal; }
h1 .en, h2 .en { display: block; font-size: 0.72em; }
p.en { font-style: italic; margin-top: 0; }
.meta { color: #374151; font-size: 9.5pt; }
.notice { border: 1px solid #f59e0b; background: #fffbeb; padding: 2mm 3mm; margin: 3mm 0; }
.embargo { border-color: #b91c1c; background: #fef2f2; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #e5e7eb; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
thead th { background: #f1f5f9; border-bottom: 1px solid #94a3b8; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #374151; }
section + section { break-before: page; }
.cols { display: flex; gap: 5mm; align-items: flex-start; }
.cols > * { flex: 1; min-width: 0; }
table.compact td, table.compact th { padding: 0.5mm 1.5mm; }
th.wide { width: 42%; }
.provinces { break-inside: avoid; }
.provinces > figure.map { flex: 0 0 44%; }
.provinces table { font-size: 8.5pt; }
.badge { display: inline-block; padding: 0 2mm; border-radius: 3mm; font-size: 8.5pt; white-space: nowrap; }
.c-achieved, .c-on_track, .s-on_track { background: #d1fae5; color: #065f46; }
.c-acceleration_needed, .s-at_risk { background: #fef3c7; color: #92400e; }
.c-off_track, .c-regressing, .s-late { background: #fee2e2; color: #991b1b; }
.c-insufficient_data, .s-not_started { background: #e5e7eb; color: #374151; }
.s-done { background: #dbeafe; color: #1e40af; }
.annex { font-size: 9.5pt; }
.annex code { font-family: inherit; font-weight: 700; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #4b5563; }
`;

export function renderReportHtml(d: ReportData): string {
  const [year, q] = d.period.split("-Q");
  const titleVi = q ? `Báo cáo kinh tế số quý ${q}/${year}` : `Báo cáo kinh tế số kỳ ${d.period}`;
  const titleEn = q ? `Digital economy report, Q${q} ${year}` : `Digital economy report, ${d.period}`;
  const releaseAt = d.release.releaseAtLocal ?? "—";
  const sections: string[] = [];

  // Cover
  sections.push(`<header>
<h1>${esc(titleVi)}<span class="en">${esc(titleEn)}</span></h1>
<p class="meta">Đợt công bố số ${d.release.id} · kỳ ${esc(d.period)} · công bố lúc ${esc(releaseAt)} (giờ Việt Nam) · lập lúc ${esc(
    d.generatedAt.toISOString(),
  )}<br><span class="en">Release ${d.release.id} · period ${esc(d.period)} · published at ${esc(releaseAt)} (Vietnam time)</span></p>
${
  d.embargoed
    ? `<p class="notice embargo"><strong>CẤM CÔNG BỐ TRƯỚC ${esc(releaseAt)}</strong> — bản chuẩn bị, chưa được công bố.<br><span class="en">EMBARGOED UNTIL ${esc(releaseAt)} — a preparatory copy, not yet published.</span></p>`
    : ""
}
${
  d.usesDemo
    ? `<p class="notice"><strong>Có dữ liệu minh họa (demo)</strong>: số liệu cấp tỉnh, chuỗi “minh họa” và bảng vào–ra được sinh tự động để trình diễn hệ thống, không phải số liệu chính thức; không trích dẫn.<br><span class="en">Contains demo data: provincial values, the “demo” series and the input–output table are generated to demonstrate the system, not official statistics; do not quote.</span></p>`
    : ""
}
</header>`);

  // 1. National share and components
  const gso = d.national.filter((n) => n.method === "gso");
  const mic = d.national.filter((n) => n.method === "mic411");
  const rowsOf = (items: typeof d.national) =>
    items
      .map(
        (
          n,
        ) => `<tr><td>${esc(seriesVi(n.series))}${n.complete ? "" : " *"}</td><td class="num">${num(n.measurement.share, 2)}%</td>
<td class="num">${num(n.measurement.valueAdded, 0)}</td><td class="num">${num(n.grdp, 0)}</td>
<td class="num">${num(n.measurement.components.core, 0)}</td><td class="num">${num(n.measurement.components.platform, 0)}</td><td class="num">${num(
          n.measurement.components.sectoral,
          0,
        )}</td></tr>`,
      )
      .join("");
  const head = `<thead><tr><th>Chuỗi <span class="en">/ Series</span></th><th class="num">Tỷ trọng <span class="en">/ Share</span></th><th class="num">GTTT số <span class="en">/ DE value added</span></th><th class="num">GDP</th><th class="num">Lõi <span class="en">/ Core</span></th><th class="num">Nền tảng <span class="en">/ Platform</span></th><th class="num">Ngành <span class="en">/ Sectoral</span></th></tr></thead>`;
  const targets411 = d.targets
    .filter((t) => t.indicator === "DE_SHARE_GDP")
    .map((t) => ({ year: t.year, value: t.value }));
  const trendTable = [...d.trend.entries()]
    .map(
      ([s, pts]) =>
        `<tr><td>${esc(seriesBoth(s))}</td><td>${[...pts]
          .sort((a, b) => a.year - b.year)
          .map((p) => `${p.year}: ${num(p.value)}%`)
          .join(" · ")}</td></tr>`,
    )
    .join("");
  sections.push(`<section id="national">
<h2>1. Tỷ trọng kinh tế số trong GDP và các thành phần<span class="en">Digital economy share of GDP and its components</span></h2>
<p>Giá trị tăng thêm của kinh tế số (tỷ đồng) và tỷ trọng trong GDP của cả nước, kỳ ${esc(d.period)}, theo hai phương pháp.</p>
<p class="en">The digital economy's value added (VND billion) and its share of GDP for the nation, ${esc(d.period)}, by both methods.</p>
<h3>Phương pháp thống kê (lõi + số hóa các ngành) <span class="en">/ Statistics office method (core + digitalisation)</span></h3>
${gso.length ? `<table>${head}<tbody>${rowsOf(gso)}</tbody></table>` : '<p>Không có số liệu. <span class="en">No data.</span></p>'}
<h3>Phương pháp QĐ 411 (ICT + nền tảng + ngành) <span class="en">/ Decision 411 method (ICT + platform + sectoral)</span></h3>
${mic.length ? `<table>${head}<tbody>${rowsOf(mic)}</tbody></table>` : '<p>Không có số liệu. <span class="en">No data.</span></p>'}
<p class="meta">* chưa đầy đủ: thiếu số liệu của một số tỉnh hoặc ngành. <span class="en">* incomplete: some provinces' or industries' values are missing.</span></p>
<figure>${trendChart(d.trend, seriesVi, targets411)}
<figcaption>Hình 1. Tỷ trọng kinh tế số trong GDP theo năm, mỗi chuỗi một đường (không nối các chuỗi), và mục tiêu QĐ 411 (◆). <span class="en">Figure 1. Digital economy share of GDP by year, each series its own line, and the Decision 411 targets (◆).</span></figcaption></figure>
<table><thead><tr><th>Chuỗi <span class="en">/ Series</span></th><th>Giá trị (%) <span class="en">/ Values (%)</span></th></tr></thead><tbody>${trendTable}</tbody></table>
</section>`);

  // 2. Decision 411 targets
  sections.push(`<section id="targets">
<h2>2. Mục tiêu của Quyết định 411 và tiến độ<span class="en">Decision 411 targets and progress</span></h2>
<p>Mỗi mục tiêu quốc gia với giá trị mới nhất của chuỗi ưu tiên (chính thức trước) và đánh giá tiến độ theo tốc độ tăng thực tế so với tốc độ cần thiết (phụ lục).</p>
<p class="en">Each national target with the latest value of the preferred series (official first) and its progress class from actual against required growth (see the annex).</p>
<table><thead><tr><th class="wide">Chỉ tiêu <span class="en">/ Indicator</span></th><th class="num">Mục tiêu <span class="en">/ Target</span></th><th class="num">Mới nhất <span class="en">/ Latest</span></th><th>Chuỗi <span class="en">/ Series</span></th><th>Tiến độ <span class="en">/ Progress</span></th></tr></thead><tbody>
${d.targets
  .map((t) => {
    const unit = t.unit === "percent" ? "%" : "";
    return `<tr><td>${esc(t.nameVi)}<br><span class="en">${esc(t.nameEn)}</span></td>
<td class="num">${esc(COMPARATOR[t.comparator] ?? t.comparator)} ${num(t.value, 0)}${unit} (${t.year})</td>
<td class="num">${t.latest ? `${num(t.latest.value)}${unit} (${t.latest.year})` : "—"}</td>
<td>${t.series ? esc(seriesVi(t.series)) : "—"}</td>
<td>${t.class ? `<span class="badge c-${t.class}">${both(CLASSES[t.class], t.class)}</span>` : "—"}</td></tr>`;
  })
  .join("")}
</tbody></table>
<p class="meta">Nguồn mục tiêu: ${esc(DECISION_411_SOURCE)}. <span class="en">Targets: Decision 411/QĐ-TTg of 31 March 2022.</span></p>
</section>`);

  // 3. Provinces
  const pv = d.provinces;
  const mapValues = new Map(pv.rows.map((r) => [r.code, r.value]));
  sections.push(`<section id="provinces">
<h2>3. Các tỉnh, thành phố: bản đồ và xếp hạng<span class="en">Provinces: map and ranking</span></h2>
<p>Tỷ trọng kinh tế số trong GRDP của ${pv.rows.length} tỉnh, thành phố (địa giới ${esc(d.geography)}), kỳ ${esc(pv.period)}${
    pv.series ? `, chuỗi ${esc(seriesVi(pv.series))}` : ""
  }. Xếp hạng kiểu thi đấu (giá trị bằng nhau cùng hạng).</p>
<p class="en">Digital economy share of GRDP of ${pv.rows.length} provinces (${esc(d.geography)} boundaries), ${esc(pv.period)}${
    pv.series ? `, series ${esc(SERIES[pv.series]?.[1] ?? pv.series)}` : ""
  }. Competition ranking (equal values share a rank).</p>
${
  pv.rows.length
    ? `<div class="cols provinces"><figure class="map">${provinceMap(d.geography, mapValues, "Kinh tế số / GRDP (%)")}
<figcaption>Hình 2. Bản đồ tỷ trọng kinh tế số trong GRDP. <span class="en">Figure 2. Digital economy share of GRDP.</span> ${esc(GEO_ATTRIBUTION)}</figcaption></figure>
${[pv.rows.slice(0, Math.ceil(pv.rows.length / 2)), pv.rows.slice(Math.ceil(pv.rows.length / 2))]
  .map(
    (
      half,
    ) => `<table class="compact"><thead><tr><th class="num">Hạng <span class="en">/ Rank</span></th><th>Tỉnh <span class="en">/ Province</span></th><th class="num">%</th></tr></thead><tbody>
${half.map((r) => `<tr><td class="num">${r.rank}</td><td>${esc(r.nameVi)}</td><td class="num">${num(r.value)}</td></tr>`).join("")}
</tbody></table>`,
  )
  .join("")}</div>`
    : `<p>Chưa có số liệu cấp tỉnh cho kỳ này. <span class="en">No provincial values for this period.</span></p>`
}
</section>`);

  // 4. Spillover
  const sp = d.spillover;
  const sectors = sp ? sp.measurement.sectors.filter((s) => s.shareOfSectoral !== null).slice(0, 12) : [];
  sections.push(`<section id="spillover">
<h2>4. Lan tỏa sang các ngành<span class="en">Spillover by sector</span></h2>
<p>Phần kinh tế số trong các ngành ngoài lõi số (giá trị tăng thêm × cường độ số từ bảng vào–ra), tỷ trọng của từng ngành trong tổng phần “ngành”${
    sp
      ? `; cả nước, ${esc(d.period)}, chuỗi ${esc(seriesVi(sp.series))}, bảng vào–ra năm ${sp.ioTableYear}${sp.ioTableIsDemo ? " (minh họa)" : ""}`
      : ""
  }.</p>
<p class="en">The digital part of industries outside the digital core (value added × digital intensity from the input–output table), each industry's share of the sectoral total.</p>
${
  sectors.length
    ? `<figure>${barChart(
        sectors.map((s) => ({
          label: d.industryNames.get(s.sector)?.vi ?? s.sector,
          value: s.shareOfSectoral!,
        })),
        "%",
      )}<figcaption>Hình 3. 12 ngành có phần kinh tế số lớn nhất (% phần “ngành”). <span class="en">Figure 3. The 12 industries with the largest digital part (% of the sectoral component).</span></figcaption></figure>
<table><thead><tr><th>Ngành <span class="en">/ Industry</span></th><th class="num">GTTT <span class="en">/ VA</span></th><th class="num">Cường độ số <span class="en">/ Intensity</span></th><th class="num">GTTT số <span class="en">/ Digital VA</span></th><th class="num">% ngành <span class="en">/ % sectoral</span></th></tr></thead><tbody>
${sectors
  .map(
    (s) =>
      `<tr><td>${esc(d.industryNames.get(s.sector)?.vi ?? s.sector)}<br><span class="en">${esc(d.industryNames.get(s.sector)?.en ?? "")}</span></td><td class="num">${num(
        s.valueAdded,
        0,
      )}</td><td class="num">${num(s.intensity, 3)}</td><td class="num">${num(s.digitalValueAdded, 0)}</td><td class="num">${num(s.shareOfSectoral)}</td></tr>`,
  )
  .join("")}
</tbody></table>`
    : `<p>Không có số liệu. <span class="en">No data.</span></p>`
}
</section>`);

  // 5. Programmes
  sections.push(`<section id="programmes">
<h2>5. Chương trình hành động<span class="en">Action programmes</span></h2>
<p>Trạng thái tại thời điểm lập báo cáo: quá hạn mà chưa hoàn thành là “trễ hạn”; nếu không, trạng thái do người duyệt đặt (kèm lý do) hoặc suy ra từ tiến độ các chỉ tiêu.</p>
<p class="en">Status when the report was made: past the deadline and not done is “late”; otherwise the status a reviewer set (with a reason) or the one derived from the indicators' progress.</p>
<table><thead><tr><th class="wide">Chương trình <span class="en">/ Programme</span></th><th>Chủ trì <span class="en">/ Lead</span></th><th class="num">Hạn <span class="en">/ Deadline</span></th><th class="num">Tiến độ <span class="en">/ Progress</span></th><th>Trạng thái <span class="en">/ Status</span></th></tr></thead><tbody>
${d.programmes
  .map(
    (
      p,
    ) => `<tr><td>${esc(p.titleVi)}<br><span class="en">${esc(p.titleEn)}</span></td><td>${esc(p.leadVi)}</td>
<td class="num">${p.deadline ? esc(p.deadline) : "—"}</td><td class="num">${p.progress === null ? "—" : `${p.progress}%`}</td>
<td><span class="badge s-${p.status}">${both(STATUSES[p.status], p.status)}</span>${
      p.reviewerStatus ? `<br><span class="meta">${esc(p.reviewerStatus.reason)}</span>` : ""
    }</td></tr>`,
  )
  .join("")}
</tbody></table>
</section>`);

  // 6. Revisions
  const c = d.release.counts;
  sections.push(`<section id="revisions">
<h2>6. Ghi chú điều chỉnh<span class="en">Revision notes</span></h2>
<p>So với đợt công bố trước: ${c.new} giá trị mới, ${c.revised} giá trị được điều chỉnh, ${c.withdrawn} giá trị bị rút lại.</p>
<p class="en">Against the previous release: ${c.new} new, ${c.revised} revised and ${c.withdrawn} withdrawn values.</p>
${d.release.note ? `<p><strong>Ghi chú <span class="en">/ Note</span>:</strong> ${esc(d.release.note)}</p>` : ""}
${
  d.revisions.length
    ? `<table><thead><tr><th>Thay đổi <span class="en">/ Change</span></th><th>Mã <span class="en">/ Code</span></th><th>Địa bàn <span class="en">/ Area</span></th><th>Kỳ <span class="en">/ Period</span></th><th class="num">Cũ → mới <span class="en">/ Old → new</span></th></tr></thead><tbody>
${d.revisions
  .map(
    (r) =>
      `<tr><td>${r.change === "revised" ? "điều chỉnh / revised" : "rút lại / withdrawn"}</td><td>${esc(r.code)}</td><td>${esc(
        `${r.geography}:${r.area}`,
      )}</td><td>${esc(r.period)}</td><td class="num">${num(r.oldValue, 2)} → ${num(r.newValue, 2)}</td></tr>`,
  )
  .join("")}
</tbody></table>`
    : `<p>Không có giá trị nào được điều chỉnh hay rút lại. <span class="en">No value was revised or withdrawn.</span></p>`
}
</section>`);

  // 7. Methods annex
  sections.push(`<section id="methods" class="annex">
<h2>Phụ lục: phương pháp<span class="en">Annex: methods</span></h2>
<h3>Kinh tế số <span class="en">/ Digital economy</span></h3>
<p><code>gso</code>: KTS = GTTT các ngành kinh tế số lõi + phần số hóa của các ngành khác. <code>mic411</code>: KTS = KTS ICT + KTS nền tảng + KTS ngành (QĐ 411). Phần số hóa của ngành j = GTTTⱼ × δⱼ, với cường độ số δⱼ từ bảng vào–ra quốc gia (trực tiếp: δⱼ = Σ_{i∈D} zᵢⱼ / Σᵢ zᵢⱼ; toàn phần: theo ma trận Leontief (I − A)⁻¹). Tỷ trọng = 100 × KTS / GDP (GRDP). Giá trị vùng và cả nước là tỷ số của các tổng, không phải trung bình các tỷ lệ.</p>
<p class="en"><code>gso</code>: DE = core digital industries' value added + the digitalised value added of other industries. <code>mic411</code>: DE = ICT + platform + sectoral digital economy (Decision 411). Industry j's digital part = VAⱼ × δⱼ, the digital intensity δⱼ coming from the national input–output table (direct, or total through the Leontief inverse). Share = 100 × DE / GDP (GRDP). Regional and national values are ratios of sums, never means of ratios.</p>
<h3>Tiến độ <span class="en">/ Progress</span></h3>
<p>Tăng trưởng thực tế g = (x_c/x₀)^(1/(t_c−t₀)) − 1; cần thiết g* = (x*/x₀)^(1/(T−t₀)) − 1; R = d·g / |g*|. Đã đạt (mục tiêu đã thỏa) · đúng hướng (R ≥ 0,95) · cần tăng tốc (0,60 ≤ R &lt; 0,95) · chệch hướng (0 ≤ R &lt; 0,60) · đi lùi (R &lt; 0) · chưa đủ số liệu (ít hơn hai điểm).</p>
<p class="en">Actual growth g = (x_c/x₀)^(1/(t_c−t₀)) − 1; required g* = (x*/x₀)^(1/(T−t₀)) − 1; R = d·g / |g*|. Achieved (the target holds) · on track (R ≥ 0.95) · acceleration needed (0.60 ≤ R &lt; 0.95) · off track (0 ≤ R &lt; 0.60) · regressing (R &lt; 0) · insufficient data (fewer than two points).</p>
<h3>Trạng thái chương trình <span class="en">/ Programme status</span></h3>
<p>Mỗi chỉ tiêu: đã đạt, đúng hướng → xanh; cần tăng tốc → vàng; chệch hướng, đi lùi → đỏ. Chương trình lấy mức xấu nhất; xanh → đúng tiến độ, vàng và đỏ → có nguy cơ chậm. Quá hạn mà chưa hoàn thành → trễ hạn; người duyệt có thể đặt trạng thái kèm lý do.</p>
<p class="en">Per indicator: achieved, on track → green; acceleration needed → amber; off track, regressing → red. A programme takes the worst; green → on track, amber and red → at risk. Past its deadline and not done → late; a reviewer may set a status with a reason.</p>
<h3>Công bố và chuỗi số liệu <span class="en">/ Releases and series</span></h3>
<p>Số liệu địa phương báo cáo được công bố theo đợt, từ thời điểm công bố (giờ Việt Nam); đợt đã công bố không sửa được, hiệu chỉnh đưa vào đợt sau kèm ghi chú. Các chuỗi (chính thức, ước tính của Bộ, địa phương báo cáo, minh họa) không bao giờ gộp với nhau.</p>
<p class="en">Values reported by provinces are published by release, from the release time (Vietnam time); a published release is never changed, corrections go into the next one with a note. Series (official, ministry estimate, reported, demo) are never merged.</p>
</section>`);

  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(titleVi)} — ${esc(titleEn)}</title>
<style>${embeddedFontCss()}
${STYLE}</style>
</head>
<body><main>
${sections.join("\n")}
<footer>dxmonitor · ${esc(titleVi)} / ${esc(titleEn)} · Đợt công bố / release ${d.release.id}</footer>
</main></body>
</html>
`;
}
