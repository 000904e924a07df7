/**
 * The demo-data banner must show whenever a view shows demo values (DESIGN §8), and only then. Each
 * component that renders data says whether it is showing demo values with `useDemoNotice(flag)`; the
 * banner shows while at least one of them says yes. Views added later only need that one call.
 * The setter lives in its own context and never changes, so declaring does not re-render declarers.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useId, useState } from "react";

type SetDemoSource = (id: string, on: boolean) => void;

const ActiveContext = createContext(false);
const SetterContext = createContext<SetDemoSource | null>(null);

export function DemoNoticeProvider({ children }: { children: ReactNode }) {
  const [sources, setSources] = useState<ReadonlySet<string>>(() => new Set());
  const set = useCallback<SetDemoSource>((id, on) => {
    setSources((prev) => {
      if (prev.has(id) === on) return prev;
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  return (
    <SetterContext.Provider value={set}>
      <ActiveContext.Provider value={sources.size > 0}>{children}</ActiveContext.Provider>
    </SetterContext.Provider>
  );
}

/** Declares that the calling component currently shows demo values (or not). */
export function useDemoNotice(showsDemo: boolean): void {
  const id = useId();
  const set = useContext(SetterContext);
  if (!set) throw new Error("useDemoNotice must be used inside <DemoNoticeProvider>");
  useEffect(() => {
    set(id, showsDemo);
    return () => set(id, false);
  }, [id, showsDemo, set]);
}

/** True while any view on the page shows demo values. */
export function useDemoNoticeActive(): boolean {
  return useContext(ActiveContext);
}
