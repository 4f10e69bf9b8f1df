import type { PlanView } from '@capstan/contracts';
import { describeOverride, offeredChoice, planChoices } from './override-choices';

const wave = (initiativeId: string, initiativeKey: string, initiativeName: string, key: string, name: string) =>
  ({ initiativeId, initiativeKey, initiativeName, wave: key, name, priority: 50 }) as PlanView['waves'][number];

describe('planChoices', () => {
  const plan = {
    waves: [wave('b', 'INI-2', 'Teller', 'w1', 'Pilot'), wave('b', 'INI-2', 'Teller', 'w2', 'Branches'), wave('a', 'INI-1', 'Claims', 'w1', 'Pilot')],
    held: [{ initiativeId: 'c', initiativeKey: 'INI-3', name: 'Fraud', businessUnit: 'Risk', posture: 'pause', conditions: [], waves: [{ wave: 'w1', reason: 'paused' }] }],
  } as Pick<PlanView, 'waves' | 'held'>;

  it('should offer every initiative of the plan, held ones too, by key, with their waves', () => {
    const choices = planChoices(plan);
    expect(choices.initiatives.map((i) => i.label)).toEqual(['INI-1 Claims (priority 50)', 'INI-2 Teller (priority 50)', 'INI-3 Fraud (held)']);
    expect(choices.wavesByInitiative.get('b')?.map((w) => w.key)).toEqual(['w1', 'w2']);
    expect(choices.wavesByInitiative.get('c')).toEqual([{ key: 'w1', label: 'w1 (held)' }]);
  });

  it('should say each kind of override in words, by id when the plan does not name the initiative', () => {
    const choices = planChoices(plan);
    expect(describeOverride({ kind: 'priority', initiativeId: 'a', priority: 90, reason: 'board' }, choices)).toBe('INI-1 Claims: priority 90');
    expect(describeOverride({ kind: 'pin', initiativeId: 'b', wave: 'w2', start: '2027-03-01', reason: 'launch' }, choices)).toBe('INI-2 Teller w2 starts on 2027-03-01');
    expect(describeOverride({ kind: 'order', first: 'c', then: 'gone', reason: 'trains' }, choices)).toBe('INI-3 Fraud before gone');
  });
});

describe('offeredChoice', () => {
  it('should keep a choice still offered, wherever it moved', () => {
    expect(offeredChoice('b', ['c', 'a', 'b'], 1)).toBe('b');
  });

  it('should fall back to an option offered when the choice is not (yet) one, never keep what the select cannot show', () => {
    expect(offeredChoice('', ['a', 'b', 'c'], 1)).toBe('b');
    expect(offeredChoice('gone', ['a'], 1)).toBe('a');
    expect(offeredChoice('gone', [])).toBe('');
  });
});
