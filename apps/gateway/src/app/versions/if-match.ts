import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { PG_INTEGER_MAX } from '@capstan/contracts';
import { problem } from '../problems/problem';

/** ETags are the version of what was read or written, as a strong validator: `"7"`. */
export function setETag(response: Response, version: number): void {
  response.setHeader('ETag', `"${version}"`);
}

/**
 * Reads `If-Match`. Required ones answer 428 when missing; `*` matches any
 * version. Returns the version to check, or undefined for none.
 */
export function parseIfMatch(header: string | undefined, required: boolean): number | undefined {
  if (header === undefined || header.trim() === '') {
    if (!required) return undefined;
    throw new HttpException(
      problem(428, 'precondition-required', 'Send If-Match with the ETag of the version you are changing', { status: 428 }),
      HttpStatus.PRECONDITION_REQUIRED,
    );
  }
  if (header.trim() === '*') return undefined;
  const match = /^"(\d+)"$/.exec(header.trim());
  if (!match) throw new BadRequestException('If-Match must be an ETag such as "3" (or *)');
  const version = Number(match[1]);
  // Versions are Postgres integers: a larger one names no version there is, so it cannot match.
  if (version > PG_INTEGER_MAX) {
    throw new HttpException(problem(412, 'precondition-failed', `If-Match ${header.trim()} names no version of this resource`, { status: 412 }), HttpStatus.PRECONDITION_FAILED);
  }
  return version;
}

/**
 * The version a write of an input set whole expects to replace: If-Match's (`*`: any, but one must exist), or 0 with
 * `If-None-Match: *` (create it only if nobody has yet); neither: anything or nothing. Both at once ask for two
 * things, and `If-None-Match` names nothing else on a write.
 */
export function expectedVersion(ifMatch: string | undefined, ifNoneMatch: string | undefined): number | '*' | undefined {
  const matching = ifMatch?.trim() ?? '';
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== '') {
    if (ifNoneMatch.trim() !== '*') throw new BadRequestException('If-None-Match on a write must be * (create only if there is none yet)');
    if (matching) throw new BadRequestException('Send If-Match or If-None-Match, not both');
    return 0;
  }
  if (matching === '*') return '*';
  const version = parseIfMatch(ifMatch, false);
  // Versions start at 1: "0" names none there is.
  if (version === 0) throw new HttpException(problem(412, 'precondition-failed', 'If-Match "0" names no version: versions start at 1', { status: 412 }), HttpStatus.PRECONDITION_FAILED);
  return version;
}
