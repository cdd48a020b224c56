import { AUTHORITIES, DEPARTMENT_LABELS, DEPARTMENT_NAMES, DEPARTMENT_REGISTRY, DEPARTMENTS, departmentTitle, SUBGRAPH_NAMES, userClaimsSchema } from '@jiuye/common';

describe('the department registry', () => {
  it('derives the lists every service reads, in the order they always had', () => {
    expect(DEPARTMENT_NAMES).toEqual(['hr', 'poverty', 'civil', 'training', 'partner']);
    expect(SUBGRAPH_NAMES).toEqual(['hr', 'poverty', 'civil', 'training', 'partner', 'situation']);
    expect(DEPARTMENTS).toEqual(['hr', 'poverty', 'civil', 'training', 'partner', 'dashboard', 'auditor']);
    expect([...AUTHORITIES].sort()).toEqual(['hr', 'partner', 'training']);
  });

  it('gives every name one Chinese and one English label', () => {
    const names = DEPARTMENT_REGISTRY.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of DEPARTMENT_REGISTRY) {
      expect(DEPARTMENT_LABELS[entry.name]).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.english).toMatch(/^[a-z ]+$/);
    }
    expect(departmentTitle('hr')).toBe('人社 human resources');
    expect(departmentTitle('audit')).toBe('audit');
  });

  it('is what a token may name as its department', () => {
    expect(() => userClaimsSchema.parse({ sub: 'x', dept: 'situation', role: 'viewer' })).toThrow(/dept must be one of hr, poverty, civil, training, partner, dashboard, auditor/);
  });
});
