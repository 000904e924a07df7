/**
 * Writes the canonical demo input–output table to `data/io/demo-io-2022.csv` (the file a test
 * compares with `generateDemoIoTable()`). Run after changing `demo-io.ts`:
 *
 *   npx tsx src/catalog/write-demo-io.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dataUrl } from "./csv.ts";
import { DEMO_IO_CSV, formatIoTableCsv, generateDemoIoTable } from "./demo-io.ts";

const url = dataUrl(DEMO_IO_CSV);
mkdirSync(new URL(".", url), { recursive: true });
writeFileSync(url, formatIoTableCsv(generateDemoIoTable()));
console.log(`wrote ${url.pathname}`);
