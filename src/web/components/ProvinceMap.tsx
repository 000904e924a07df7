/**
 * A choropleth of provinces in either geography, reusable on every page: values coloured in five
 * classes of equal counts (an HTML legend gives the class bounds), grey where there is no value.
 * The Hoàng Sa and Trường Sa archipelagos are far smaller than a pixel at this scale, so each gets a
 * marker in its province's colour and a label; they belong to Đà Nẵng and Khánh Hòa in both
 * geographies. `aspectScale` is cos 16° (Vietnam's middle latitude), so shapes are not stretched.
 * Clicking a province (or its islands) calls `onSelect`; the text alternative is the caller's.
 * A click needs a mouse, so with `onSelect` a province chooser and a button under the map do the same
 * from the keyboard, and the text alternative says so.
 */
import { type FormEvent, useId, useMemo, useState } from "react";
import type { Geography } from "../../domain/area.ts";
import { EChart } from "../charts/EChart.tsx";
import type { EChartsCoreOption } from "../charts/echarts.ts";
import { useGeoQuery } from "../data/geo.ts";
import { useLanguage } from "../i18n/language.tsx";
import { classOf, quantileBreaks } from "../lib/ranking.ts";
import { QueryStatus } from "./QueryStatus.tsx";

export const MAP_PALETTE: readonly string[] = ["#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b"];
export const MAP_MISSING = "#d9d9d9";
const ASPECT_SCALE = Math.cos((16 * Math.PI) / 180);

export interface MapValue {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
}

const ISLANDS = [
  {
    province: "48",
    coord: [112.1, 16.5],
    vi: "QĐ. Hoàng Sa\n(Đà Nẵng)",
    en: "Hoang Sa Is.\n(Da Nang)",
  },
  {
    province: "56",
    coord: [114.3, 10.3],
    vi: "QĐ. Trường Sa\n(Khánh Hòa)",
    en: "Truong Sa Is.\n(Khanh Hoa)",
  },
] as const;

interface ProvinceMapProps {
  readonly geography: Geography;
  readonly values: readonly MapValue[];
  readonly format: (value: number) => string;
  readonly ariaLabel: string;
  readonly onSelect?: (code: string) => void;
  readonly highlight?: string;
  readonly height?: number;
  readonly testId?: string;
}

export function ProvinceMap({
  geography,
  values,
  format,
  ariaLabel,
  onSelect,
  highlight,
  height = 520,
  testId,
}: ProvinceMapProps) {
  const { lang, t } = useLanguage();
  const geo = useGeoQuery(geography);
  const breaks = useMemo(
    () =>
      quantileBreaks(
        values.flatMap((v) => (v.value === null ? [] : [v.value])),
        MAP_PALETTE.length,
      ),
    [values],
  );
  const option = useMemo((): EChartsCoreOption | undefined => {
    if (!geo.data) return undefined;
    const byCode = new Map(values.map((v) => [v.code, v]));
    const colour = (code: string) => {
      const v = byCode.get(code)?.value;
      return v === null || v === undefined ? MAP_MISSING : (MAP_PALETTE[classOf(v, breaks)] ?? MAP_MISSING);
    };
    const text = (code: string) => {
      const v = byCode.get(code);
      return v ? `${v.name}: ${v.value === null ? t.noValue : format(v.value)}` : code;
    };
    return {
      tooltip: { trigger: "item", formatter: (p: { name: string }) => text(p.name) },
      series: [
        {
          type: "map",
          map: geo.data.name,
          nameProperty: "code",
          aspectScale: ASPECT_SCALE,
          roam: false,
          layoutCenter: ["50%", "50%"],
          layoutSize: "98%",
          selectedMode: false,
          label: { show: false },
          emphasis: { label: { show: false }, itemStyle: { areaColor: "#fbbf24" } },
          itemStyle: { borderColor: "#ffffff", borderWidth: 0.6 },
          data: geo.data.codes.map((code) => ({
            name: code,
            value: byCode.get(code)?.value ?? null,
            itemStyle: {
              areaColor: colour(code),
              ...(code === highlight ? { borderColor: "#b45309", borderWidth: 2.5 } : {}),
            },
          })),
          markPoint: {
            symbol: "circle",
            symbolSize: 9,
            tooltip: { formatter: (p: { data: { province: string } }) => text(p.data.province) },
            label: {
              show: true,
              position: "top",
              align: "center",
              lineHeight: 13,
              color: "#374151",
              fontSize: 11,
              formatter: (p: { name: string }) => p.name,
            },
            data: ISLANDS.map((i) => ({
              name: lang === "vi" ? i.vi : i.en,
              province: i.province,
              coord: i.coord,
              itemStyle: { color: colour(i.province), borderColor: "#374151", borderWidth: 1 },
            })),
          },
        },
      ],
    };
  }, [geo.data, values, breaks, format, lang, t, highlight]);

  if (!option) return <QueryStatus queries={[geo]} />;
  const legend = [MAP_MISSING, ...MAP_PALETTE.slice(0, breaks.length + 1)].map((colour, k) => {
    if (k === 0) return { colour, label: t.noValue };
    const i = k - 1;
    const lo = i === 0 ? undefined : breaks[i - 1];
    const hi = breaks[i];
    const label =
      lo === undefined && hi === undefined
        ? t.allValues
        : lo === undefined
          ? `≤ ${format(hi!)}`
          : hi === undefined
            ? `> ${format(lo)}`
            : `${format(lo)} – ${format(hi)}`;
    return { colour, label };
  });
  return (
    <div className="map">
      <EChart
        option={option}
        ariaLabel={onSelect ? `${ariaLabel} ${t.mapKeyboardHint}` : ariaLabel}
        height={height}
        testId={testId}
        onClick={(p) => {
          const code =
            typeof p.data === "object" && p.data && "province" in p.data ? String(p.data.province) : p.name;
          if (code && onSelect) onSelect(code);
        }}
      />
      <ul className="map-legend" aria-label={t.mapLegend}>
        {legend.map((l) => (
          <li key={l.colour}>
            <span className="map-legend__swatch" style={{ background: l.colour }} aria-hidden="true" />
            {l.label}
          </li>
        ))}
      </ul>
      {onSelect ? <ProvinceChooser values={values} onSelect={onSelect} testId={testId} /> : null}
    </div>
  );
}

/** The keyboard's way to a province: what a click on the map does, from a list sorted by name. */
function ProvinceChooser({
  values,
  onSelect,
  testId,
}: {
  readonly values: readonly MapValue[];
  readonly onSelect: (code: string) => void;
  readonly testId: string | undefined;
}) {
  const { lang, t } = useLanguage();
  const id = useId();
  const sorted = useMemo(
    () => [...values].sort((a, b) => a.name.localeCompare(b.name, lang)),
    [values, lang],
  );
  const [chosen, setChosen] = useState<string>("");
  const code = sorted.some((v) => v.code === chosen) ? chosen : (sorted[0]?.code ?? "");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code) onSelect(code);
  };
  return (
    <form className="controls map-chooser" onSubmit={submit}>
      <div className="field field--grow">
        <label htmlFor={id}>{t.mapChooserLabel}</label>
        <select
          id={id}
          value={code}
          onChange={(e) => setChosen(e.target.value)}
          data-testid={testId ? `${testId}-province` : undefined}
        >
          {sorted.map((v) => (
            <option key={v.code} value={v.code}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-secondary" data-testid={testId ? `${testId}-open` : undefined}>
        {t.mapChooserOpen}
      </button>
    </form>
  );
}
