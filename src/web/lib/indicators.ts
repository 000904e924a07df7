/**
 * The indicator codes the pages use, in one place. Provinces report the digital-economy share of
 * their GRDP; if the catalogue keeps it as its own indicator it is `DE_SHARE_GRDP`, otherwise the
 * national indicator's provincial values are the GRDP share (§4.3: the same formula per area).
 */
export const DE_SHARE_GDP = "DE_SHARE_GDP";
export const ECOM_SHARE_RETAIL = "ECOM_SHARE_RETAIL";
export const SME_DIGITAL_PLATFORM = "SME_DIGITAL_PLATFORM";

export const PROVINCE_DE_SHARE_CANDIDATES: readonly string[] = ["DE_SHARE_GRDP", DE_SHARE_GDP];

/** The first candidate the catalogue knows, or undefined when none is there. */
export function pickIndicator(
  candidates: readonly string[],
  known: readonly { code: string }[],
): string | undefined {
  const codes = new Set(known.map((i) => i.code));
  return candidates.find((c) => codes.has(c));
}
