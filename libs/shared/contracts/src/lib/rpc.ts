import { z } from 'zod';

/** Typed errors a service returns over request/reply; the gateway maps each to an HTTP status. */
export const RPC_ERROR_CODES = [
  'validation_failed',
  'not_found',
  'conflict',
  'precondition_failed',
  'unprocessable',
  'unavailable',
  'timeout',
  'internal',
] as const;
export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const rpcErrorBodySchema = z.object({
  code: z.enum(RPC_ERROR_CODES),
  message: z.string(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type RpcErrorBody = z.infer<typeof rpcErrorBodySchema>;

export const rpcReplySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: rpcErrorBodySchema }),
]);

/** A request/reply operation: its subject (below the namespace) and both message schemas. */
export interface RpcContract<Req extends z.ZodType, Res extends z.ZodType> {
  readonly name: string;
  readonly request: Req;
  readonly response: Res;
}

export function rpcContract<Req extends z.ZodType, Res extends z.ZodType>(
  name: string,
  request: Req,
  response: Res,
): RpcContract<Req, Res> {
  return { name, request, response };
}

/** Turns zod issues into the `{ field, message }` list that problem+json and RPC errors carry. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: 'Unknown field' }));
    }
    return [{ field: path.length ? path.join('.') : '(body)', message: issue.message }];
  });
}
