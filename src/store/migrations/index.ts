/** The migrations, in order. Each is a module with `up` and `down`; names sort by their number. */
import type { Migration } from "kysely";
import * as m0001 from "./0001-initial.ts";
import * as m0002 from "./0002-io-tables.ts";
import * as m0003 from "./0003-auth.ts";
import * as m0004 from "./0004-reports.ts";
import * as m0005 from "./0005-index-results.ts";
import * as m0006 from "./0006-assessments.ts";
import * as m0007 from "./0007-releases.ts";
import * as m0008 from "./0008-programmes.ts";
import * as m0009 from "./0009-release-reports.ts";
import * as m0010 from "./0010-assessment-province-2008.ts";

export const migrations: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-io-tables": m0002,
  "0003-auth": m0003,
  "0004-reports": m0004,
  "0005-index-results": m0005,
  "0006-assessments": m0006,
  "0007-releases": m0007,
  "0008-programmes": m0008,
  "0009-release-reports": m0009,
  "0010-assessment-province-2008": m0010,
};
