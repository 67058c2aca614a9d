/** A refusal as the API gave it: its Indonesian message, the rule and its legal basis, and
 * every other rule that failed. */
import { Alert } from "antd";
import type { ApiError } from "../api/problem";
import { t } from "../i18n";

export function Refusal({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const lines = error.violations.filter((v) => v.message !== error.message);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={error.message}
      description={
        <div>
          {error.rule && (
            <div>
              {t.common.rule}: <code>{error.rule}</code>
            </div>
          )}
          {error.legalBasis && (
            <div>
              {t.common.legalBasis}: {error.legalBasis}
            </div>
          )}
          {lines.length > 0 && (
            <ul>
              {lines.map((v) => (
                <li key={v.rule}>
                  {v.message} (<code>{v.rule}</code>)
                </li>
              ))}
            </ul>
          )}
          {onRetry && (
            <button type="button" className="link-button" onClick={onRetry}>
              {t.common.retry}
            </button>
          )}
        </div>
      }
    />
  );
}
