/** The /v1 API with the signed-in key; errors are RFC 9457 problems, kept with their field errors. */

const KEY_STORAGE = "shortstack.apiKey";
const SESSION_STORAGE = "shortstack.session";

/** The signed-in key as GET /v1/session describes it: what the dashboard may offer it. */
export interface SessionInfo {
  keyId: string;
  workspaceId: string;
  role: "read" | "write" | "admin";
}
const ROLES = ["read", "write", "admin"];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(message);
  }
}

export const UTM_FIELDS = ["source", "medium", "campaign", "term", "content"] as const;
export type UtmField = typeof UTM_FIELDS[number];

export interface RuleConditions {
  device?: string[];
  os?: string[];
  browser?: string[];
  country?: string[];
  language?: string[];
  query?: Record<string, string>;
  from?: string;
  until?: string;
}

/** A targeting rule: when its conditions hold, the visitor goes to `url` or to one `split` variant. */
export interface RedirectRule {
  when?: RuleConditions;
  url?: string;
  split?: { url: string; weight: number }[];
}

export interface Link {
  slug: string;
  /** The short domain's host; the slug is unique on it, not across domains. */
  domain: string;
  shortUrl: string;
  url: string;
  title: string | null;
  description: string | null;
  fallbackUrl: string | null;
  utm: Record<UtmField, string | null>;
  redirectType: number;
  state: string;
  disabled: boolean;
  expiresAt: string | null;
  maxVisits: number | null;
  visits?: number;
  tags: string[];
  rules: RedirectRule[];
  forwardQuery: boolean;
  passwordProtected: boolean;
  preview: { title: string | null; description: string | null; image: string | null } | null;
  createdAt: string;
  version: number;
}

export interface Presigned {
  url: string;
  method: string;
  headers: Record<string, string>;
  expiresAt: string;
  rows?: number;
  bytes?: number;
}

export interface Job {
  id: string;
  kind: "import" | "export";
  status: "queued" | "running" | "succeeded" | "partially_succeeded" | "failed" | "cancelled";
  format: string;
  type?: string;
  createdAt: string;
  finishedAt: string | null;
  progress: {
    rowsTotal?: number;
    rowsDone?: number;
    rowsSucceeded?: number;
    rowsFailed?: number;
    rowsRenamed?: number;
    rowsWritten?: number;
    percent: number | null;
    rowsPerSecond: number | null;
    etaSeconds: number | null;
  };
  onInvalidSlug?: "reject" | "random";
  warnings: string[];
  error: string | null;
  upload?: Presigned;
  errorReport?: Presigned;
  result?: Presigned;
}

export const WEBHOOK_EVENTS = ["link.created", "link.updated", "link.deleted", "link.clicked", "import.finished", "export.finished"] as const;

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  status: "active" | "disabled";
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  secretHint: string;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only in the answers that create an endpoint or rotate its secret. */
  secret?: string;
}

export interface WebhookAttempt {
  at: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed" | "skipped";
  attempts: number;
  nextAttemptAt: string | null;
  redeliveryOf: string | null;
  createdAt: string;
  attemptLog: WebhookAttempt[];
  lastAttempt: WebhookAttempt | null;
}

/** A short domain the workspace may make links on (GET /v1/domains). */
export interface Domain {
  domain: string;
  shortBaseUrl: string;
  /** The stage's default domain: links on it are addressed without ?domain=. */
  stageDefault: boolean;
  /** Where the workspace's new links go when they name no domain. */
  default: boolean;
  /** The workspace's admins may set its pages. */
  owned: boolean;
  rootUrl: string | null;
  notFoundUrl: string | null;
}

/** The stage's default domain first, then the workspace's own. */
export const listDomains = async (): Promise<Domain[]> => (await api<{ items: Domain[] }>("GET", "/v1/domains")).items;

/**
 * Which link a route or request means: its slug, and its domain unless that is the stage's default one
 * (null), so the addresses of links made before there were short domains stay as they were.
 */
export interface LinkRef {
  slug: string;
  domain: string | null;
}

export function linkRef(link: { slug: string; domain: string }, domains: Domain[]): LinkRef {
  return { slug: link.slug, domain: domains.some((d) => d.stageDefault && d.domain === link.domain) ? null : link.domain };
}

/** The API's link key (GET /v1/stats/links): the slug on the default domain, host/slug elsewhere; also the link's name in labels. */
export const linkKey = (ref: LinkRef): string => (ref.domain ? `${ref.domain}/${ref.slug}` : ref.slug);

/** The link's page in the dashboard: #/links/{slug}, with ?domain= off the default domain. */
export const linkHash = (ref: LinkRef): string => `#/links/${encodeURIComponent(ref.slug)}${query({ domain: ref.domain })}`;

/** The link's API path (`rest` such as "/stats", then its query), with ?domain= off the default domain. */
export const linkPath = (ref: LinkRef, rest = "", params: Record<string, string | number | undefined | null> = {}): string =>
  `/v1/links/${encodeURIComponent(ref.slug)}${rest}${query({ ...params, domain: ref.domain })}`;

export const FINAL_STATUSES = ["succeeded", "partially_succeeded", "failed", "cancelled"];

/** Kept for this tab only: never in a URL, never in a cookie. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  info: (): SessionInfo | null => JSON.parse(sessionStorage.getItem(SESSION_STORAGE) ?? "null"),
  signIn: (key: string, info: SessionInfo) => {
    sessionStorage.setItem(KEY_STORAGE, key);
    sessionStorage.setItem(SESSION_STORAGE, JSON.stringify(info));
  },
  signOut: () => {
    sessionStorage.removeItem(KEY_STORAGE);
    sessionStorage.removeItem(SESSION_STORAGE);
  },
  /** Whether the signed-in key's role includes `role` (the API refuses what it does not; the dashboard does not offer it). */
  can: (role: SessionInfo["role"]): boolean => ROLES.indexOf(session.info()?.role ?? "read") >= ROLES.indexOf(role),
};

export async function api<T>(method: string, path: string, body?: unknown, key = session.key(),
                             extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  Object.assign(headers, extraHeaders);
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const fields: Record<string, string> = {};
    for (const error of json.errors ?? []) fields[error.field] = error.message;
    const problem = new ApiError(response.status, json.type ?? "", json.detail ?? response.statusText, fields);
    if (response.status === 401 && key === session.key()) {
      session.signOut();
      location.hash = "#/signin";
    }
    throw problem;
  }
  return json as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
