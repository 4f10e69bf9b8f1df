import type { FieldError, RpcErrorBody, RpcErrorCode } from '@capstan/contracts';

/** The typed error of a request/reply call; crosses the wire as `RpcErrorBody`. */
export class RpcError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'RpcError';
  }

  static notFound(what: string): RpcError {
    return new RpcError('not_found', `${what} was not found`);
  }

  toBody(): RpcErrorBody {
    return { code: this.code, message: this.message, ...(this.errors ? { errors: this.errors } : {}) };
  }
}
