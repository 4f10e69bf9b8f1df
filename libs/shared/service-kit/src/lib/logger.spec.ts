import { ConsoleLogger } from '@nestjs/common';
import { createLogger } from './logger';

describe(createLogger.name, () => {
  it('should log JSON at info unless told otherwise', () => {
    expect(createLogger('scoring', {})).not.toBeInstanceOf(ConsoleLogger);
    expect(createLogger('scoring', { LOG_FORMAT: 'text', LOG_LEVEL: 'debug' })).toBeInstanceOf(ConsoleLogger);
  });

  it('should stop on a level or format it does not know, naming the variable', () => {
    expect(() => createLogger('scoring', { LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace \(got "verbose"\)/);
    expect(() => createLogger('scoring', { LOG_FORMAT: 'pretty' })).toThrow(/LOG_FORMAT must be one of json, text/);
  });
});
