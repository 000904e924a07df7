/**
 * `/data`: the open-data downloads — everything published in one file, each indicator, and the
 * SDMX structure (DSD and codelists) — in every format. Plain links: the browser downloads the
 * streamed files itself.
 */
import { useIndicatorsQuery } from "../../data/queries.ts";
import { CODELISTS, codelistUrl, DSD_URL, dataUrl, EXPORT_FORMATS } from "../../data/releases.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { DATA_MESSAGES } from "./messages.ts";

const FORMAT_LABEL: Record<string, string> = {
  csv: "CSV",
  xlsx: "XLSX",
  json: "JSON",
  "sdmx-csv": "SDMX-CSV",
  "sdmx-json": "SDMX-JSON",
};

function FormatLinks({ href, label }: { href: (format: string) => string; label: string }) {
  return (
    <span className="download-links">
      {EXPORT_FORMATS.map((f) => (
        <a key={f} href={href(f)} download aria-label={`${label} — ${FORMAT_LABEL[f]}`}>
          {FORMAT_LABEL[f]}
        </a>
      ))}
    </span>
  );
}

export function DataPage() {
  const { t, lang } = usePageLanguage(DATA_MESSAGES);
  const indicators = useIndicatorsQuery();
  return (
    <>
      <section className="card">
        <h2>{t.dataTitle}</h2>
        <p>{t.dataIntro}</p>
        <p className="note">{t.dataDemoNote}</p>
      </section>
      <section className="card" aria-labelledby="data-bulk">
        <h3 id="data-bulk">{t.dataBulkTitle}</h3>
        <p>{t.dataBulkIntro}</p>
        <FormatLinks href={(f) => dataUrl(f)} label={t.dataBulkTitle} />
      </section>
      <section className="card" aria-labelledby="data-indicators">
        <h3 id="data-indicators">{t.dataByIndicatorTitle}</h3>
        {indicators.isPending ? (
          <p className="status">{t.loading}</p>
        ) : indicators.isError ? (
          <p className="status status--error">{String(indicators.error)}</p>
        ) : (
          <ul className="download-list" data-testid="data-indicators">
            {indicators.data.map((i) => {
              const name = lang === "vi" ? i.name_vi : i.name_en;
              return (
                <li key={i.code}>
                  <span className="download-list__name">
                    {name} <code>{i.code}</code>
                  </span>
                  <FormatLinks href={(f) => dataUrl(f, i.code)} label={name} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="data-sdmx">
        <h3 id="data-sdmx">{t.dataSdmxTitle}</h3>
        <p>{t.dataSdmxIntro}</p>
        <ul>
          <li>
            <a href={DSD_URL}>{t.dataDsd}</a>
          </li>
          <li>
            {t.dataCodelists}:{" "}
            {CODELISTS.map((id) => (
              <span key={id} className="download-links">
                <code>{id}</code>
                <a href={codelistUrl(id, "json")}>JSON</a>
                <a href={codelistUrl(id, "csv")} download>
                  CSV
                </a>
              </span>
            ))}
          </li>
          <li>
            <a href="/api/docs">{t.dataApiDocs}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
