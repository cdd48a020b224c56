import { buildSchema } from 'graphql';
import { applyAccessRules, type AccessRules } from '@jiuye/common';

/** A subgraph's schema in miniature: one person type, one type that is not a subject. */
const schema = () =>
  buildSchema(`
    type Worker { id: ID! name: String idNumberMasked: String disability: String }
    type Village { code: String }
    type Query { worker: Worker village: Village }
  `);

const rules = (extra: Partial<AccessRules>): AccessRules => ({ subjects: { Worker: (worker: { id: string }) => ({ workerId: worker.id }) }, ...extra });

describe('the access-rule table, checked against the built schema at start', () => {
  it('accepts rules whose every coordinate exists', () => {
    expect(() => applyAccessRules(schema(), rules({ fields: { 'Worker.disability': 'health' }, identifying: { 'Worker.idNumberMasked': 'id-number-masked' } }))).not.toThrow();
  });

  it('refuses a field rule naming a field the type does not have, and names the coordinate', () => {
    expect(() => applyAccessRules(schema(), rules({ fields: { 'Worker.disabilty': 'health' } }))).toThrow(
      'access rule Worker.disabilty (in fields): Worker has no field disabilty',
    );
  });

  it('refuses an identifying rule naming a field the type does not have', () => {
    expect(() => applyAccessRules(schema(), rules({ identifying: { 'Worker.idNumber': 'id-number-masked' } }))).toThrow(
      'access rule Worker.idNumber (in identifying): Worker has no field idNumber',
    );
  });

  it('refuses a rule on a type that is not a subject, or not in the schema, or a malformed coordinate', () => {
    expect(() => applyAccessRules(schema(), rules({ fields: { 'Village.code': 'household' } }))).toThrow(
      'access rule Village.code (in fields): Village is not declared as a subject type',
    );
    expect(() => applyAccessRules(schema(), { ...rules({}), subjects: { ...rules({}).subjects, Farm: () => ({}) } })).toThrow(
      'access rules name Farm, which is not an object type of this subgraph',
    );
    expect(() => applyAccessRules(schema(), rules({ fields: { disability: 'health' } }))).toThrow('access rule disability (in fields): not a Type.field coordinate');
  });

  it('still refuses a field named both in fields and in identifying', () => {
    expect(() => applyAccessRules(schema(), rules({ fields: { 'Worker.idNumberMasked': 'id-number' }, identifying: { 'Worker.idNumberMasked': 'id-number-masked' } }))).toThrow(
      /named both in fields and in identifying/,
    );
  });
});
