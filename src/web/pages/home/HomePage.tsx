import { DeShareSection } from "./DeShareSection.tsx";
import { ProvinceSection } from "./ProvinceSection.tsx";

/** `/`: the national digital-economy share against its targets, then the provinces. */
export function HomePage() {
  return (
    <>
      <DeShareSection />
      <ProvinceSection />
    </>
  );
}
