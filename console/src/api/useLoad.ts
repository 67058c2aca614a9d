/** Load something for a screen, with the three states every screen shows. */
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./problem";

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * `settle`: a record just written may not be in the read model yet (the services build
 * them from events); a 404 is then asked again a few times before it is shown.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], settle = false): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const attempts = useRef(0);

  useEffect(() => {
    const call = ++latest.current;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (call !== latest.current) return;
        if (settle && e instanceof ApiError && e.status === 404 && attempts.current < 20) {
          attempts.current += 1;
          window.setTimeout(() => call === latest.current && setTick((n) => n + 1), 500);
          return;
        }
        setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
