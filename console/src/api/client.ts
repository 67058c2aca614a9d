/**
 * One client per service, typed by the generated `paths` of its checked-in OpenAPI
 * document, all on the console's own origin (`/api/<service>`): no CORS, and the bearer
 * token, held in memory by `auth/session`, goes nowhere else.
 */
import createClient, { type Middleware } from "openapi-fetch";
import type { paths as EvaluationPaths } from "./generated/evaluation";
import type { paths as MutationPaths } from "./generated/mutation";
import type { paths as NotificationPaths } from "./generated/notification";
import type { paths as PersonnelPaths } from "./generated/personnel";
import { currentToken } from "../auth/token";

const bearer: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
};

function client<Paths extends {}>(service: string) {
  const c = createClient<Paths>({
    baseUrl: `${globalThis.location?.origin ?? ""}/api/${service}`,
    // Looked up on every call, so tests can stand in for the network.
    fetch: (request: Request) => globalThis.fetch(request),
  });
  c.use(bearer);
  return c;
}

export const personnel = client<PersonnelPaths>("personnel");
export const mutation = client<MutationPaths>("mutation");
export const evaluation = client<EvaluationPaths>("evaluation");
export const notification = client<NotificationPaths>("notification");
