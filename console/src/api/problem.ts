/**
 * A refusal as the services give it (`rangkui_eventkit.errors`): the Indonesian message a
 * person reads, the rule that refused, its legal basis and every other failing rule.
 */
import { t } from "../i18n";

export interface Violation {
  rule: string;
  message: string;
  legal_basis?: string | null;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly rule: string | null = null,
    readonly legalBasis: string | null = null,
    readonly violations: Violation[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Body = Record<string, unknown> | undefined | null;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

/** The error a failed response carries, whatever shape its body has. */
export function toApiError(status: number, body: Body | string): ApiError {
  if (typeof body === "string" || !body) {
    return new ApiError(text(body) ?? `${t.common.errorTitle} (${status})`, status);
  }
  const detail = body.detail;
  // FastAPI's own validation errors: a list of {loc, msg}.
  if (Array.isArray(detail) && !body.message) {
    const lines = detail.map((d: { loc?: unknown[]; msg?: string }) =>
      [(d.loc ?? []).slice(1).join("."), d.msg].filter(Boolean).join(": "),
    );
    return new ApiError(lines.join("; ") || t.common.errorTitle, status, "invalid");
  }
  const message =
    text(body.message) ?? text(body.detail) ?? text(body.title) ?? `${t.common.errorTitle} (${status})`;
  const violations = Array.isArray(body.violations) ? (body.violations as Violation[]) : [];
  return new ApiError(
    message,
    status,
    text(body.rule) ?? text(body.error),
    text(body.legal_basis),
    violations,
  );
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer; a refusal or an outage as an `ApiError`. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new ApiError(t.common.networkError, 0, "unavailable");
  }
  if (!answer.response.ok) throw toApiError(answer.response.status, answer.error as Body);
  return answer.data as T;
}
