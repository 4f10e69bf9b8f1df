/** An RFC 9457 problem, as every Capstan error is answered. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  /** Per-field validation errors (400), when there are some. */
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** Thrown for every non-2xx answer: the problem the gateway sent, typed. */
export class CapstanProblem extends Error implements ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly correlationId?: string;
  readonly errors?: { field: string; message: string }[];
  [extension: string]: unknown;

  constructor(readonly problem: ProblemDetails) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'CapstanProblem';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.correlationId = problem.correlationId;
    this.errors = problem.errors;
  }
}

/** The problem in a response; a body that is not problem+json (a proxy's page) still becomes one. */
export async function problemOf(response: Response): Promise<ProblemDetails> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<ProblemDetails>;
    if (typeof body.title === 'string' && typeof body.status === 'number') return { type: 'about:blank', ...body } as ProblemDetails;
  } catch {
    // Not JSON.
  }
  return { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, detail: text.slice(0, 500) || undefined };
}
