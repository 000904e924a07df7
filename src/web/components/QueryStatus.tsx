/**
 * Loading and error states for one or more queries, saying what happened: still loading, the server
 * cannot be reached, or it answered with an error (status and the problem's detail), with a retry.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import { ApiError } from "../data/client.ts";
import { useLanguage } from "../i18n/language.tsx";
import type { Messages } from "../i18n/messages.ts";

export function describeError(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case "network":
        return t.errorNetwork(error.url);
      case "http":
        return t.errorHttp(error.status ?? 0, error.url.split("?")[0] ?? error.url, error.detail ?? "");
      case "invalid_json":
        return t.errorJson(error.url);
    }
  }
  return t.errorOther(error instanceof Error ? error.message : String(error));
}

type AnyQuery = UseQueryResult<unknown, Error>;

/** Renders the first error, or a loading line while any query is pending; nothing when all are ready. */
export function QueryStatus({ queries }: { queries: readonly AnyQuery[] }) {
  const { t } = useLanguage();
  const failed = queries.filter((q) => q.isError);
  const first = failed[0];
  if (first) {
    return (
      <div className="status status--error" role="alert">
        <p>
          <strong>{t.errorTitle}.</strong> {describeError(first.error, t)}
        </p>
        <button type="button" onClick={() => failed.forEach((q) => void q.refetch())}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (queries.some((q) => q.isPending)) {
    return (
      <p className="status status--loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {t.loading}
      </p>
    );
  }
  return null;
}
