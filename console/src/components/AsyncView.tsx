/** Loading, error and empty states, the same on every screen. */
import { Empty, Spin } from "antd";
import type { ReactNode } from "react";
import type { Loaded } from "../api/useLoad";
import { t } from "../i18n";
import { Refusal } from "./Refusal";

export function AsyncView<T>({
  state,
  empty,
  isEmpty,
  children,
}: {
  state: Loaded<T>;
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (state.loading && state.data === undefined) {
    return (
      <div className="state" role="status" aria-live="polite">
        <Spin /> <span>{t.common.loading}</span>
      </div>
    );
  }
  if (state.error) return <Refusal error={state.error} onRetry={state.reload} />;
  const data = state.data as T;
  const blank = isEmpty ? isEmpty(data) : Array.isArray(data) && data.length === 0;
  if (blank) return <Empty description={empty ?? t.common.empty} />;
  return <>{children(data)}</>;
}
