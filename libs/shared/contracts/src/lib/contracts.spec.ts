import { z } from 'zod';
import { fieldErrorsOf } from './rpc';
import { subjectsFor } from './subjects';
import { registerInitiativeSchema, updateInitiativeSchema } from './initiatives';

describe(subjectsFor.name, () => {
  it('should derive every subject and stream from the namespace', () => {
    const subjects = subjectsFor('capstan');
    expect(subjects.rpc('intake.initiative.get')).toBe('capstan.rpc.intake.initiative.get');
    expect(subjects.event('initiative.registered')).toBe('capstan.events.initiative.registered');
    expect(subjects.allEvents).toBe('capstan.events.>');
    expect(subjects.eventStream).toBe('CAPSTAN_EVENTS');
    expect(subjectsFor('it-a1').deadLetterStream).toBe('IT_A1_DEAD_LETTERS');
  });

  it('should refuse a namespace that would break subjects', () => {
    expect(() => subjectsFor('Bad.Namespace')).toThrow(/Invalid NATS namespace/);
  });
});

describe(fieldErrorsOf.name, () => {
  it('should name each bad field, unknown ones included', () => {
    const result = registerInitiativeSchema.safeParse({ name: '', businessUnit: 'Retail', colour: 'red' });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf((result as { error: z.ZodError }).error);
    expect(errors.map((error) => error.field).sort()).toEqual(['colour', 'name']);
    expect(errors.find((error) => error.field === 'colour')?.message).toBe('Unknown field');
  });
});

describe('registerInitiativeSchema', () => {
  it('should fill defaults and trim text', () => {
    const parsed = registerInitiativeSchema.parse({ name: '  Claims triage ', businessUnit: 'Insurance' });
    expect(parsed).toMatchObject({ name: 'Claims triage', stage: 'pilot', riskTier: 'minimal', tags: [] });
  });
});

describe('updateInitiativeSchema', () => {
  it('should keep only the fields given, never filling defaults', () => {
    expect(updateInitiativeSchema.parse({ name: 'New name' })).toEqual({ name: 'New name' });
    expect(updateInitiativeSchema.safeParse({}).success).toBe(false);
  });
});
