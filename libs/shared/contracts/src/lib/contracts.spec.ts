import { z } from 'zod';
import { fieldErrorsOf } from './rpc';
import { subjectsFor } from './subjects';
import { registerInitiativeSchema, updateInitiativeSchema } from './initiatives';
import { allocationRuleInputSchema } from './costs';

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

describe('allocationRuleInputSchema', () => {
  const split = (shares: string[]) => ({
    name: 'Shared GPU pool',
    match: { subAccountId: 'ml-platform' },
    target: { kind: 'split', method: 'proportional', parts: shares.map((share, i) => ({ initiativeId: `00000000-0000-4000-8000-00000000000${i}`, share })) },
  });

  it('should take proportional weights, zero among them', () => {
    expect(allocationRuleInputSchema.safeParse(split(['3', '0'])).success).toBe(true);
  });

  it('should refuse a proportional split whose weights are all zero', () => {
    const result = allocationRuleInputSchema.safeParse(split(['0', '0.000']));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('A proportional split needs at least one share above 0');
  });
});
