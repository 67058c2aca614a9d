/**
 * A refusal as the services give it: RFC 9457 problem details (the generated `Problem`
 * schema) with the Indonesian message a person reads, the rule that refused, its legal
 * basis and every failing rule (`violations`), or every invalid field (`problems`).
 */
import { t } from "../i18n";
import type { components } from "./generated/mutation";

export type Problem = components["schemas"]["Problem"];
export type Violation = components["schemas"]["ViolationBody"];
export type FieldProblem = components["schemas"]["FieldProblem"];

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly rule: string | null = null,
    readonly legalBasis: string | null = null,
    readonly violations: Violation[] = [],
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

/** The error a failed response carries: a problem document, or whatever a proxy in front
 * of the services answered (plain text, an empty body). */
export function toApiError(status: number, body: Partial<Problem> | string | null | undefined): ApiError {
  if (typeof body === "string" || !body || typeof body !== "object") {
    return new ApiError(text(body) ?? `${t.common.errorTitle} (${status})`, status);
  }
  const problems = Array.isArray(body.problems) ? body.problems : [];
  const violations = Array.isArray(body.violations) ? body.violations : [];
  const message =
    text(body.message) ?? text(body.detail) ?? text(body.title) ?? `${t.common.errorTitle} (${status})`;
  return new ApiError(
    message,
    status,
    text(body.rule) ?? text(body.error),
    text(body.legal_basis),
    violations,
    problems,
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
  if (!answer.response.ok) throw toApiError(answer.response.status, answer.error as Partial<Problem> | string);
  return answer.data as T;
}
