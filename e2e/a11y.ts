/**
 * A small in-page accessibility checker for the browser tests (no external download): WCAG 2.x
 * contrast of every visible text against its effective background, and a label for every form
 * control. Runs inside the page (`page.evaluate(auditPage)`), so it must not use anything from
 * outside its own body.
 *
 * Contrast: relative luminance L = 0.2126 R + 0.7152 G + 0.0722 B over linearised sRGB channels;
 * ratio (L1 + 0.05) / (L2 + 0.05). AA: ≥ 4.5 for normal text, ≥ 3 for large text (≥ 24 px, or
 * ≥ 18.66 px bold). The background is the first opaque background up the tree (semi-transparent
 * ones are blended). Text inside charts (SVG) is left out: charts carry their text alternative and
 * a table view, which are checked as text.
 */
export interface AuditIssue {
  readonly kind: "contrast" | "label";
  readonly element: string;
  readonly detail: string;
}

export function auditPage(): AuditIssue[] {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m?.[1]) return [0, 0, 0, 0];
    const p = m[1]
      .split(/[,\s/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
  };
  const blend = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [
      top[0] * a + bottom[0] * (1 - a),
      top[1] * a + bottom[1] * (1 - a),
      top[2] * a + bottom[2] * (1 - a),
      1,
    ];
  };
  const lum = (c: Rgba) => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  };
  const background = (el: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) break;
      }
    }
    let result: Rgba = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) result = blend(layers[i]!, result);
    return result;
  };
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").join(".")}` : ""} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return (
      r.width > 1 &&
      r.height > 1 &&
      s.visibility !== "hidden" &&
      s.display !== "none" &&
      Number(s.opacity) > 0
    );
  };
  const issues: AuditIssue[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (
      !el ||
      seen.has(el) ||
      !n.textContent?.trim() ||
      el.closest("svg, [aria-hidden='true'], .visually-hidden")
    )
      continue;
    seen.add(el);
    if (!visible(el)) continue;
    const s = getComputedStyle(el);
    const fg = blend(parse(s.color), background(el));
    const bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = Number.parseFloat(s.fontSize);
    const bold = Number(s.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const need = large ? 3 : 4.5;
    if (ratio < need)
      issues.push({
        kind: "contrast",
        element: describe(el),
        detail: `${ratio.toFixed(2)} < ${need} (${s.color} on rgb(${bg.slice(0, 3).join(",")}))`,
      });
  }
  for (const el of document.querySelectorAll<HTMLElement>("input, select, textarea")) {
    if ((el as HTMLInputElement).type === "hidden" || !visible(el.closest("label") ?? el)) continue;
    const labels = (el as HTMLInputElement).labels;
    const named =
      (labels && labels.length > 0 && [...labels].some((l) => l.textContent?.trim())) ||
      el.getAttribute("aria-label")?.trim() ||
      el.getAttribute("aria-labelledby");
    if (!named) issues.push({ kind: "label", element: describe(el), detail: "form control without a label" });
  }
  for (const el of document.querySelectorAll<HTMLElement>("button, a[href]")) {
    if (!visible(el)) continue;
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
    if (!name) issues.push({ kind: "label", element: describe(el), detail: "button or link without a name" });
    if (el.tabIndex < 0)
      issues.push({
        kind: "label",
        element: describe(el),
        detail: "not reachable by keyboard (tabindex < 0)",
      });
  }
  return issues;
}
