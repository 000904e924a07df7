/**
 * The one place that speaks HTTP to the API. Failures become an `ApiError` that says what happened in
 * terms a reader can act on: the server could not be reached, or it answered with a status and an RFC
 * 9457 problem (title, detail, machine code, field).
 */
export const API_BASE = "/api/v1";

export type QueryParams = Readonly<Record<string, string | number | readonly string[] | undefined>>;

export type ApiErrorKind = "network" | "http" | "invalid_json";

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly url: string;
  readonly status: number | undefined;
  /** Machine code from the problem document, e.g. `invalid_parameter`. */
  readonly code: string | undefined;
  /** Human detail from the problem document. */
  readonly detail: string | undefined;

  constructor(
    kind: ApiErrorKind,
    url: string,
    message: string,
    extra: { status?: number; code?: string; detail?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "ApiError";
    this.kind = kind;
    this.url = url;
    this.status = extra.status;
    this.code = extra.code;
    this.detail = extra.detail;
  }
}

/** `/api/v1/observations?indicator=A,B&area=VN`; list values are joined with commas, empty ones dropped. */
export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const text = typeof value === "string" || typeof value === "number" ? String(value) : value.join(",");
    if (text !== "") search.set(key, text);
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ""}`;
}

interface Problem {
  title?: unknown;
  detail?: unknown;
  code?: unknown;
  field?: unknown;
}

async function readProblem(res: Response): Promise<Problem | undefined> {
  try {
    const body: unknown = await res.json();
    return typeof body === "object" && body !== null ? (body as Problem) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export async function getJson<T>(path: string, params: QueryParams = {}, signal?: AbortSignal): Promise<T> {
  const url = apiUrl(path, params);
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError("network", url, `cannot reach the API at ${url}`, { cause });
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    const detail = str(problem?.detail) ?? str(problem?.title);
    const field = str(problem?.field);
    const message = `${url}: HTTP ${res.status}${detail ? ` — ${detail}` : ""}${field ? ` (${field})` : ""}`;
    throw new ApiError("http", url, message, {
      status: res.status,
      code: str(problem?.code),
      detail,
    });
  }
  try {
    return (await res.json()) as T;
  } catch (cause) {
    throw new ApiError("invalid_json", url, `${url}: the answer is not JSON`, { status: res.status, cause });
  }
}

/** Every item of a paged list: follows `next_offset` until the last page. */
export async function getAllItems<T>(
  path: string,
  params: QueryParams = {},
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let offset: number | undefined;
  for (;;) {
    const page = await getJson<{ items: readonly T[]; next_offset?: number | null }>(
      path,
      offset === undefined ? params : { ...params, offset },
      signal,
    );
    items.push(...page.items);
    if (page.next_offset === undefined || page.next_offset === null || page.next_offset <= (offset ?? 0)) {
      return items;
    }
    offset = page.next_offset;
  }
}
