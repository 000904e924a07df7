/**
 * `dxm user …` and `dxm token …`: accounts and machine tokens from the command line, acting as the
 * operator (`cli` in the audit log). Generated passwords and new tokens are printed once; a chosen
 * password is read from standard input (`--password-stdin`), never from the command line, where it
 * would stay in the shell history and the process list.
 */
import { parseArgs } from "node:util";
import {
  type AreaScope,
  CLI_ACTOR,
  formatAreaScope,
  isRole,
  type MachineToken,
  parseAreaScope,
  ROLES,
  type User,
} from "../domain/auth.ts";
import {
  createMachineToken,
  createUser,
  findUserIdByEmail,
  getMachineTokens,
  getUsers,
  revokeMachineToken,
  updateUserAccount,
} from "../services/auth.ts";
import { migrateToLatest, type Store } from "../store/db.ts";
import { createOutput, EXIT, type Output, UsageError } from "./output.ts";

export interface UserCommandContext {
  withStore<T>(command: string, fn: (store: Store) => Promise<T>): Promise<T>;
  out: Output;
  stdin: NodeJS.ReadableStream;
}

export const USER_HELP = `  user add --email E --role admin|reviewer|reporter|analyst [--areas 2025:15,2025:79] [--name N]
           [--password-stdin]       create an account; without --password-stdin a random password
                                    is printed once
  user list                         the accounts
  user disable --email E            disable an account (its sessions end)
  user enable --email E             enable it again
  user password --email E [--password-stdin]
                                    set a new password (random, printed once, unless read from
                                    standard input); the account's sessions end
  token create --name N --areas 2025:79[,2025:01]
                                    a machine token for a provincial system, printed once
  token list                        the machine tokens (without their secrets)
  token revoke --id N               revoke a machine token
`;

type Values = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: Record<string, { type: "string" | "boolean" }>): Values {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { format: { type: "string" }, ...options },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`);
    return values as Values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function outputFor(ctx: UserCommandContext, format: unknown): Output {
  if (format === undefined) return ctx.out;
  if (format !== "table" && format !== "json") {
    throw new UsageError(`--format must be one of table, json (got "${String(format)}")`);
  }
  return format === ctx.out.format ? ctx.out : createOutput({ format });
}

function required(values: Values, flag: string, example: string): string {
  const v = values[flag];
  if (typeof v !== "string" || v.trim() === "")
    throw new UsageError(`give --${flag}, e.g. --${flag} ${example}`);
  return v.trim();
}

function areasArg(text: string | boolean | undefined): AreaScope[] {
  if (text === undefined) return [];
  const items = String(text)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.map((item) => {
    const a = parseAreaScope(item);
    if (!a) throw new UsageError(`--areas: "${item}" is not GEOGRAPHY:CODE, e.g. 2025:79`);
    return a;
  });
}

/** Reads a password from standard input: everything up to the end, without the final newline. */
async function readPassword(stdin: NodeJS.ReadableStream, out: Output): Promise<string> {
  if ((stdin as { isTTY?: boolean }).isTTY) out.info("Type the password, then press Enter and Ctrl-D:");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > 4096) throw new UsageError("--password-stdin: the input is longer than a password can be");
    chunks.push(b);
  }
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  if (!text) throw new UsageError("--password-stdin: standard input was empty");
  return text;
}

function userRow(u: User): Record<string, unknown> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    areas: u.areas.map(formatAreaScope).join(","),
    disabled: u.disabled,
    last_login: u.lastLoginAt?.toISOString() ?? "",
  };
}

function tokenRow(t: MachineToken): Record<string, unknown> {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    areas: t.areas.map(formatAreaScope).join(","),
    created_by: t.createdBy,
    created_at: t.createdAt.toISOString(),
    last_used: t.lastUsedAt?.toISOString() ?? "",
    revoked: t.revokedAt?.toISOString() ?? "",
  };
}

async function runUser(sub: string | undefined, argv: string[], ctx: UserCommandContext): Promise<number> {
  switch (sub) {
    case "add": {
      const values = parse(argv, {
        email: { type: "string" },
        role: { type: "string" },
        areas: { type: "string" },
        name: { type: "string" },
        "password-stdin": { type: "boolean" },
      });
      const out = outputFor(ctx, values.format);
      const email = required(values, "email", "officer@hcm.gov.vn");
      const role = required(values, "role", "reporter");
      if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")} (got "${role}")`);
      const areas = areasArg(values.areas);
      const password = values["password-stdin"] ? await readPassword(ctx.stdin, out) : undefined;
      const created = await ctx.withStore("user add", async (store) => {
        await migrateToLatest(store);
        return createUser(store, CLI_ACTOR, {
          email,
          role,
          areas,
          ...(typeof values.name === "string" ? { name: values.name } : {}),
          ...(password !== undefined ? { password } : {}),
        });
      });
      out.result({ ...userRow(created.user), ...(created.password ? { password: created.password } : {}) });
      if (created.password) {
        out.info(
          "The password is shown only this once: give it to the user, who can change it after logging in.",
        );
      }
      return EXIT.ok;
    }
    case "list": {
      const values = parse(argv, {});
      const out = outputFor(ctx, values.format);
      const users = await ctx.withStore("user list", async (store) => {
        await migrateToLatest(store);
        return getUsers(store, CLI_ACTOR);
      });
      out.rows(users.map(userRow), ["id", "email", "name", "role", "areas", "disabled", "last_login"]);
      return EXIT.ok;
    }
    case "disable":
    case "enable": {
      const values = parse(argv, { email: { type: "string" } });
      const out = outputFor(ctx, values.format);
      const email = required(values, "email", "officer@hcm.gov.vn");
      const { user } = await ctx.withStore(`user ${sub}`, async (store) => {
        await migrateToLatest(store);
        const id = await findUserIdByEmail(store, CLI_ACTOR, email);
        return updateUserAccount(store, CLI_ACTOR, id, { disabled: sub === "disable" });
      });
      out.result(userRow(user));
      return EXIT.ok;
    }
    case "password": {
      const values = parse(argv, { email: { type: "string" }, "password-stdin": { type: "boolean" } });
      const out = outputFor(ctx, values.format);
      const email = required(values, "email", "officer@hcm.gov.vn");
      const password = values["password-stdin"] ? await readPassword(ctx.stdin, out) : undefined;
      const { user, password: generated } = await ctx.withStore("user password", async (store) => {
        await migrateToLatest(store);
        const id = await findUserIdByEmail(store, CLI_ACTOR, email);
        return updateUserAccount(
          store,
          CLI_ACTOR,
          id,
          password !== undefined ? { password } : { resetPassword: true },
        );
      });
      out.result({ ...userRow(user), ...(generated ? { password: generated } : {}) });
      out.info(
        generated
          ? "The new password is shown only this once; the account's sessions have ended."
          : "Password set; the account's sessions have ended.",
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(
        `user: use \`dxm user add|list|disable|enable|password\`${sub ? ` (got "${sub}")` : ""}`,
      );
  }
}

async function runToken(sub: string | undefined, argv: string[], ctx: UserCommandContext): Promise<number> {
  switch (sub) {
    case "create": {
      const values = parse(argv, { name: { type: "string" }, areas: { type: "string" } });
      const out = outputFor(ctx, values.format);
      const name = required(values, "name", '"HCMC statistics office"');
      const areas = areasArg(required(values, "areas", "2025:79"));
      const { token, secret } = await ctx.withStore("token create", async (store) => {
        await migrateToLatest(store);
        return createMachineToken(store, CLI_ACTOR, { name, areas });
      });
      out.result({ ...tokenRow(token), token: secret });
      out.info(
        "The token is shown only this once: the provincial system sends it as `Authorization: Bearer <token>`.",
      );
      return EXIT.ok;
    }
    case "list": {
      const values = parse(argv, {});
      const out = outputFor(ctx, values.format);
      const tokens = await ctx.withStore("token list", async (store) => {
        await migrateToLatest(store);
        return getMachineTokens(store, CLI_ACTOR);
      });
      out.rows(tokens.map(tokenRow));
      return EXIT.ok;
    }
    case "revoke": {
      const values = parse(argv, { id: { type: "string" } });
      const out = outputFor(ctx, values.format);
      const idText = required(values, "id", "3");
      if (!/^\d{1,9}$/.test(idText) || Number(idText) < 1) {
        throw new UsageError(`--id must be a token number as listed by \`dxm token list\` (got "${idText}")`);
      }
      const token = await ctx.withStore("token revoke", async (store) => {
        await migrateToLatest(store);
        return revokeMachineToken(store, CLI_ACTOR, Number(idText));
      });
      out.result(tokenRow(token));
      return EXIT.ok;
    }
    default:
      throw new UsageError(`token: use \`dxm token create|list|revoke\`${sub ? ` (got "${sub}")` : ""}`);
  }
}

/**
 * Runs `dxm user …` or `dxm token …`: `argv` is the command line after `dxm`, starting with `user`
 * or `token`. Throws UsageError or DxmError for the caller's `reportError`.
 */
export async function runUserCommand(argv: string[], ctx: UserCommandContext): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === "user") return runUser(sub, rest, ctx);
  if (command === "token") return runToken(sub, rest, ctx);
  throw new UsageError(`runUserCommand: expected "user" or "token" (got "${command ?? ""}")`);
}
