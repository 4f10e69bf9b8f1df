import { z } from 'zod';
import { fieldErrorsOf } from './rpc';
import { subjectsFor } from './subjects';
import { registerInitiativeSchema, updateInitiativeSchema } from './initiatives';
import { allocationRuleInputSchema, forecastQuerySchema, fxRateQuerySchema, recordCostEntrySchema, setBudgetSchema } from './costs';
import { calendarDate } from './calendar-date';
import { evidenceInputSchema } from './readiness';
import { currencySchema, telemetrySchema } from './registry';

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

  it('should take the parts of the requested scope and target dates given, a cleared date as null', () => {
    expect(updateInitiativeSchema.parse({ requestedScope: { workflows: ['triage'] }, targetDates: { pilotEnd: null } })).toEqual({
      requestedScope: { workflows: ['triage'] },
      targetDates: { pilotEnd: null },
    });
  });
});

describe('evidenceInputSchema', () => {
  it('should refuse evidence that would be recorded lapsed: expiring before it was attested, or before now when attested on receipt', () => {
    const issues = (input: object) => evidenceInputSchema.safeParse({ status: 'established', attestedBy: 'ci', ...input }).error?.issues.map((issue) => issue.message);
    expect(issues({ expiresAt: '2025-12-01' })).toEqual(['is in the past: evidence attested now must expire later']);
    expect(issues({ attestedAt: '2025-06-01', expiresAt: '2025-05-01' })).toEqual(['must be after attestedAt']);
    expect(issues({ attestedAt: '2025-06-01', expiresAt: '2025-12-01' })).toBeUndefined();
    expect(issues({ expiresAt: '2099-12-01' })).toBeUndefined();
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

describe('calendarDate', () => {
  it('should refuse days Postgres has none for and days no record lies on, naming the range', () => {
    expect(calendarDate.safeParse('2026-11-30').success).toBe(true);
    expect(calendarDate.safeParse('1900-01-01').success).toBe(true);
    expect(calendarDate.safeParse('2199-12-31').success).toBe(true);
    for (const date of ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31']) {
      expect(calendarDate.safeParse(date).error?.issues[0].message).toBe('a date from 1900-01-01 to 2199-12-31');
    }
    const entry = { chargeDate: '0000-01-01', category: 'inference', phase: 'pilot', amount: '1', currency: 'EUR' };
    expect(fieldErrorsOf(recordCostEntrySchema.safeParse(entry).error as z.ZodError).map((error) => error.field)).toEqual(['chargeDate']);
    expect(fxRateQuerySchema.safeParse({ from: '0000-01-01' }).success).toBe(false);
  });

  it('should refuse instants Postgres cannot hold, and telemetry finer than it stores', () => {
    const evidence = (attestedAt: string) => evidenceInputSchema.safeParse({ status: 'established', attestedBy: 'Ana', attestedAt });
    expect(evidence('0000-01-01').success).toBe(false);
    expect(evidence('0001-01-01T00:00:00Z').success).toBe(true);
    expect(evidenceInputSchema.safeParse({ status: 'established', attestedBy: 'Ana', expiresAt: '9999-12-31T23:00:00-02:00' }).success).toBe(false);
    expect(evidenceInputSchema.safeParse({ status: 'established', attestedBy: 'Ana', expiresAt: '9999-12-31' }).success).toBe(true);
    const telemetry = (approvalCycleTimeDays: number) => telemetrySchema.safeParse({ period: { kind: 'month', start: '2026-10-01' }, approvalCycleTimeDays });
    expect(telemetry(12.25).success).toBe(true);
    expect(telemetry(0.1 + 0.2).success).toBe(true);
    expect(telemetry(1.005).success).toBe(false);
  });
});

describe('currencySchema', () => {
  it('should take the codes of currencies in use, and refuse three capitals that name none, saying which', () => {
    for (const code of ['EUR', 'USD', 'ISK', 'JPY']) expect(currencySchema.safeParse(code).success).toBe(true);
    expect(currencySchema.safeParse('UDS').error?.issues.map((issue) => issue.message)).toEqual(['not a currency in use: an ISO 4217 code such as "EUR"']);
    expect(currencySchema.safeParse('usd').error?.issues.map((issue) => issue.message)).toEqual(['an ISO 4217 code such as "EUR"']);
  });
});

describe('setBudgetSchema', () => {
  const budget = (thresholds: string[]) => ({ initiativeId: '00000000-0000-4000-8000-000000000001', period: '2026-11', category: 'inference', amount: '1000', currency: 'EUR', thresholds });

  it('should refuse a threshold of zero, which would fire with nothing spent', () => {
    for (const zero of ['0', '0.0', '0.0000']) {
      expect(fieldErrorsOf(setBudgetSchema.safeParse(budget(['0.5', zero])).error as z.ZodError)).toEqual([
        { field: 'thresholds.1', message: 'must be more than zero: a threshold of 0 is crossed before anything is spent' },
      ]);
    }
    expect(setBudgetSchema.safeParse(budget(['0.0001', '1'])).success).toBe(true);
  });
});

describe('forecastQuerySchema', () => {
  it('should refuse a production volume of zero, which projects nothing', () => {
    for (const zero of ['0', '000', '0.000000']) {
      expect(fieldErrorsOf(forecastQuerySchema.safeParse({ metric: 'claims', productionVolume: zero }).error as z.ZodError)).toEqual([
        { field: 'productionVolume', message: 'must be more than zero: no production cost can be projected for no volume' },
      ]);
    }
    expect(forecastQuerySchema.safeParse({ metric: 'claims', productionVolume: '0.000001' }).success).toBe(true);
  });
});
