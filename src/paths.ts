/**
 * Where the project's own files are. Modules find the reference data (`src/catalog/data`) and the
 * built web app (`dist/web`) from the project root, not from their own URL: `npm start` runs the
 * server from a bundle in `dist/server`, where every module shares the bundle's URL.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "src", "catalog", "data"))) return dir;
    const up = dirname(dir);
    if (up === dir)
      throw new Error(
        `dxmonitor: no project root (package.json beside src/catalog/data) above ${fileURLToPath(import.meta.url)}`,
      );
    dir = up;
  }
}

/** The project's root folder (holds package.json, src/ and dist/), as an absolute path. */
export const projectRoot: string = findRoot();
