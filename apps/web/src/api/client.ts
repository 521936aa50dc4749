/**
 * The one way the web app talks to the API: the bearer token on every call, and every refusal as
 * an {@link ApiError} that keeps the API's named fields, so a form can show each next to its field.
 */

/** One field the API named in a 400 or 422: `field` is a dotted path such as `child.cpr`. */
export interface FieldProblem {
  field: string;
  rules?: string[];
  messages?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** The whole body, for refusals that carry more than fields (a 409's choices). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The API's messages for one field (and for fields below it, such as `notifier.email` under `notifier`). */
  messagesFor(field: string): string[] {
    return this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`)).flatMap((f) => f.messages ?? [field]);
  }
}

/** The API could not be reached at all (offline, the server restarting). */
export class NetworkError extends Error {}

let tokenSource: () => string | null = () => null;
let onUnauthorized: () => void = () => undefined;

/** Set by the sign-in: where the token comes from, and what to do when the API no longer accepts it. */
export function useTokenFrom(source: () => string | null, unauthorized: () => void): void {
  tokenSource = source;
  onUnauthorized = unauthorized;
}

export function bearer(): Record<string, string> {
  const token = tokenSource();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
  /** Some reads want the text (BPMN XML), not JSON. */
  as?: 'json' | 'text';
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (options.as === 'text') return (await response.text()) as T;
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A paged list: the page's items and the total the API counted (X-Total-Count). */
export async function apiPage<T>(path: string): Promise<{ items: T[]; total: number }> {
  const response = await send(path, {});
  const items = (await response.json()) as T[];
  return { items, total: Number(response.headers.get('X-Total-Count') ?? items.length) };
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers: {
        Accept: options.as === 'text' ? 'application/xml, text/plain' : 'application/json',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...bearer(),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new NetworkError('Serveren kunne ikke nås');
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { message?: string; fields?: FieldProblem[] };
  if (response.status === 401) onUnauthorized();
  return new ApiError(response.status, body.message ?? response.statusText, Array.isArray(body.fields) ? body.fields : [], body);
}
