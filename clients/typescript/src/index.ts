/**
 * A typed client of the training suite's gateway: one openapi-fetch client per service, each typed by the
 * service's OpenAPI document (src/generated, made by `npm run generate` from docs/openapi).
 *
 * ```ts
 * const suite = createSuiteClient({ baseUrl: "https://training.example.org", token: () => auth.accessToken() });
 * const { data, error } = await suite.catalog.GET("/me/catalog", { params: { query: { q: "forklift" } } });
 * ```
 *
 * Every answer is `{ data, error, response }`: `data` is typed by the operation's success schema, `error` by
 * its problem answer (RFC 9457: `type`, `title`, `status`, `detail`, and `errors` naming each invalid field).
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths as CatalogPaths } from "./generated/catalog-service.js";
import type { paths as DirectoryPaths } from "./generated/directory-service.js";
import type { paths as LearningPlanPaths } from "./generated/learning-plan-service.js";
import type { paths as NotificationPaths } from "./generated/notification-service.js";
import type { paths as ReportingPaths } from "./generated/reporting-service.js";
import type { paths as TrainingPassPaths } from "./generated/training-pass-service.js";

export type * as catalog from "./generated/catalog-service.js";
export type * as directory from "./generated/directory-service.js";
export type * as learningPlans from "./generated/learning-plan-service.js";
export type * as notifications from "./generated/notification-service.js";
export type * as reports from "./generated/reporting-service.js";
export type * as trainingPasses from "./generated/training-pass-service.js";

/** An RFC 9457 problem, the shape of every error answer of the suite. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { field?: string; message?: string }[];
}

export interface SuiteClientOptions {
  /** The gateway, e.g. `http://localhost:8080` (the local stack) or `https://training.example.org`. */
  baseUrl: string;
  /**
   * The access token of the signed-in person: a string, or a function asked before every request (return the
   * current token of your OpenID Connect library, which refreshes it).
   */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** A fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch;
}

/** The gateway's route prefix of each service. */
export const ROUTES = {
  catalog: "/api/catalog",
  directory: "/api/directory",
  learningPlans: "/api/learning-plans",
  notifications: "/api/notifications",
  reports: "/api/reports",
  trainingPasses: "/api/training-passes",
} as const;

export interface SuiteClient {
  catalog: Client<CatalogPaths>;
  directory: Client<DirectoryPaths>;
  learningPlans: Client<LearningPlanPaths>;
  notifications: Client<NotificationPaths>;
  reports: Client<ReportingPaths>;
  trainingPasses: Client<TrainingPassPaths>;
}

/** One client per service, all through the gateway at `baseUrl`, all sending the caller's bearer token. */
export function createSuiteClient(options: SuiteClientOptions): SuiteClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === "function" ? await options.token() : options.token;
      if (token) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  };
  function client<P extends {}>(prefix: string): Client<P> {
    const c = createClient<P>({ baseUrl: base + prefix, fetch: options.fetch });
    c.use(auth);
    return c;
  }
  return {
    catalog: client<CatalogPaths>(ROUTES.catalog),
    directory: client<DirectoryPaths>(ROUTES.directory),
    learningPlans: client<LearningPlanPaths>(ROUTES.learningPlans),
    notifications: client<NotificationPaths>(ROUTES.notifications),
    reports: client<ReportingPaths>(ROUTES.reports),
    trainingPasses: client<TrainingPassPaths>(ROUTES.trainingPasses),
  };
}
