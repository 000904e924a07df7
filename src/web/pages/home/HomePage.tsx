import { useState } from "react";
import { IndicatorMapFigure } from "../../components/IndicatorMapFigure.tsx";
import { DE_SHARE_GDP } from "../../lib/indicators.ts";
import { DeShareSection } from "./DeShareSection.tsx";
import { MoversSection } from "./MoversSection.tsx";
import { ProvinceSection } from "./ProvinceSection.tsx";
import { TargetsGrid } from "./TargetsGrid.tsx";

/**
 * `/`: the national digital-economy share against its targets and target path, every Decision 411
 * target with its progress, the province map of a chosen indicator with the quarter's biggest
 * movers, then the province table.
 */
export function HomePage() {
  const [indicator, setIndicator] = useState(DE_SHARE_GDP);
  return (
    <>
      <DeShareSection />
      <TargetsGrid />
      <div className="two-col">
        <IndicatorMapFigure indicator={indicator} onIndicatorChange={setIndicator} />
        <MoversSection indicator={indicator} />
      </div>
      <ProvinceSection />
    </>
  );
}
