import { UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** A POST that honours `Idempotency-Key`, and says so in the API document (every other POST refuses the header). */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat the POST safely (1–255 visible ASCII characters): the first answer is replayed, and a repeat after a lost answer applies nothing twice',
    }),
  );
}
