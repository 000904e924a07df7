/**
 * Query-string schemas shared by the routes. Lists are comma-separated (`?area=01,79`); every item
 * is checked for form here (codes, periods, geographies) and for existence in the services.
 */
import { z } from "zod";
import { tryParsePeriod } from "../domain/period.ts";

export function list<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .max(4000)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    )
    .pipe(z.array(item).min(1, "give at least one value").max(500, "at most 500 values"));
}

export const indicatorCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, "an indicator code is UPPER_SNAKE_CASE, e.g. DE_SHARE_GDP");
export const areaCode = z.string().regex(/^[A-Z0-9_]{1,32}$/, "an area code is e.g. VN, DBSH or 79");
export const seriesCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "a series code is e.g. demo, gso_official");
export const geography = z.enum(["2008", "2025"], { error: "geography is 2008 or 2025" });
export const level = z.enum(["nation", "region", "province"], {
  error: "level is nation, region or province",
});
export const periodKind = z.enum(["Y", "S", "Q"], { error: "period_kind is Y, S or Q" });
export const period = z
  .string()
  .refine((s) => tryParsePeriod(s) !== undefined, "a period is 2024, 2024-S1 or 2024-Q3 (years 1990–2100)");
