import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { NUL_CHARACTER_MESSAGE, nulCharacterAt } from '@capstan/contracts';
import { problem } from './problem';

/**
 * Refuses a body, query or path value holding U+0000 before it reaches a
 * service: Postgres cannot store it, so it would otherwise fail as an
 * internal error deep in a write (or a filter) instead of as bad input.
 */
@Injectable()
export class NulCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const at = nulCharacterAt(value);
    if (at === undefined) return value;
    const field = [metadata.type === 'param' || metadata.type === 'query' ? metadata.data : undefined, at].filter(Boolean).join('.') || '(body)';
    throw new BadRequestException(problem(400, 'validation-failed', 'The request is not valid', { errors: [{ field, message: NUL_CHARACTER_MESSAGE }] }));
  }
}
