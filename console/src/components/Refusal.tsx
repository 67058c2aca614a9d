/** A refusal as the API gave it: its Indonesian message, the rule and its legal basis, and
 * every rule that failed (each with its own legal basis) or every invalid field. */
import { Alert } from "antd";
import type { ApiError } from "../api/problem";
import { t } from "../i18n";

export function Refusal({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  // One failing rule is the message itself; several are each listed with their basis.
  const single = error.violations.length === 1 && error.violations[0].rule === error.rule;
  const violations = single ? [] : error.violations;
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
          {violations.length > 0 && (
            <>
              <div>{t.common.violations(violations.length)}</div>
              <ul className="violations">
                {violations.map((v, i) => (
                  // One rule may fail on several rows of a decree: each is its own line.
                  <li key={`${i}-${v.rule}`}>
                    {v.message} (<code>{v.rule}</code>)
                    {v.legal_basis && <div><small>{`${t.common.legalBasis}: ${v.legal_basis}`}</small></div>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {error.problems.length > 0 && (
            <ul className="violations">
              {error.problems.map((p) => (
                <li key={p.field}>
                  <code>{p.field}</code>: {p.message}
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
