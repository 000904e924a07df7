#!/usr/bin/env node
// The `dxm` command: loads the TypeScript CLI through tsx's loader, so `npx dxm …` needs no build.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
const { reportError } = await import("../src/cli/output.ts");
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.exitCode = reportError(e);
}
