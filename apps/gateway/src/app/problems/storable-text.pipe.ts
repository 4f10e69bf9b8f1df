import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { unstorableTextIn } from '@capstan/contracts';
import { problem } from './problem';

/**
 * Refuses a body, query or path value holding text Postgres cannot store
 * (U+0000, a lone surrogate) before it reaches a service, where it would
 * otherwise fail as an internal error deep in a write or a filter.
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found = unstorableTextIn(value);
    if (!found) return value;
    const field = [metadata.data, found.field].filter(Boolean).join('.') || '(body)';
    throw new BadRequestException(problem(400, 'validation-failed', 'The request is not valid', { errors: [{ field, message: found.message }] }));
  }
}
