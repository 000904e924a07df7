/** Browser entry: one query client, the language and demo-notice contexts, then the app. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { DemoNoticeProvider } from "./components/demo-notice.tsx";
import { ApiError } from "./data/client.ts";
import { LanguageProvider } from "./i18n/language.tsx";
import "./styles.css";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change on retry; a network error or a 5xx may.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status !== undefined && error.status < 500),
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <DemoNoticeProvider>
          <App />
        </DemoNoticeProvider>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
