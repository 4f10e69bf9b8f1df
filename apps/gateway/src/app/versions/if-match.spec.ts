import { BadRequestException, HttpException } from '@nestjs/common';
import { expectedVersion } from './if-match';

describe(expectedVersion.name, () => {
  const statusOf = (ifMatch: string | undefined, ifNoneMatch: string | undefined) => {
    try {
      expectedVersion(ifMatch, ifNoneMatch);
      return 'accepted';
    } catch (error) {
      return error instanceof HttpException ? error.getStatus() : String(error);
    }
  };

  it('should read the version to replace, any that exists, none yet, or no condition at all', () => {
    expect(expectedVersion('"7"', undefined)).toBe(7);
    expect(expectedVersion('*', undefined)).toBe('*');
    expect(expectedVersion(undefined, '*')).toBe(0);
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
    expect(expectedVersion('  ', ' ')).toBeUndefined();
  });

  it('should refuse what names no version or asks for two things at once', () => {
    expect(statusOf('"0"', undefined)).toBe(412);
    expect(statusOf('"2147483648"', undefined)).toBe(412);
    expect(statusOf('7', undefined)).toBe(400);
    expect(statusOf(undefined, '"3"')).toBe(400);
    expect(statusOf('"3"', '*')).toBe(400);
    expect(() => expectedVersion('W/"3"', undefined)).toThrow(BadRequestException);
  });
});
