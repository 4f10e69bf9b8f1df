import { CRITERION_IDS, DOMAIN_IDS, criterionTitle, domainOf, isCriterionId } from './stabilization';

describe('stabilization model', () => {
  it('should have six domains of three criteria each', () => {
    expect(DOMAIN_IDS).toHaveLength(6);
    expect(CRITERION_IDS).toHaveLength(18);
    for (const domain of DOMAIN_IDS) {
      expect(CRITERION_IDS.filter((c) => domainOf(c) === domain)).toHaveLength(3);
    }
  });

  it('should recognise only known criterion ids', () => {
    expect(isCriterionId('economics.cost_visibility')).toBe(true);
    expect(isCriterionId('economics.unknown')).toBe(false);
    expect(criterionTitle('resilience.rollback')).toBe('rollback conditions understood');
  });
});
