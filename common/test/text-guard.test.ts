import { forbiddenTextPath, hasForbiddenCharacter, requireCleanArguments } from '../src/text-guard';

describe('hole 6: text guard (control characters and unpaired surrogates)', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['U+0001', '\u0001'],
    ['vertical tab', 'a\u000bb'],
    ['form feed', 'a\u000cb'],
    ['ESC', '\u001b[31m'],
    ['DEL', 'a\u007f'],
    ['a C1 control (NEL)', 'a\u0085'],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00a'],
    ['surrogates in the wrong order', '\udc00\ud800'],
  ])('refuses %s', (_label, value) => {
    expect(hasForbiddenCharacter(value)).toBe(true);
  });

  it.each([
    ['plain Chinese text', '东川区汤丹镇'],
    ['tab, LF, CR', '入户\t核实\r\n已见本人'],
    ['a character outside the BMP (a surrogate pair)', '𠀀 😀'],
    ['the empty string', ''],
  ])('lets %s through', (_label, value) => {
    expect(hasForbiddenCharacter(value)).toBe(false);
  });

  it('names the path of the first bad string in nested inputs and lists', () => {
    expect(forbiddenTextPath({ note: 'ok', attempts: [{ note: 'ok' }, { note: 'x\u0000' }] }, 'input')).toBe('input.attempts[1].note');
    expect(forbiddenTextPath(['a', 'b\u0001'], 'ids')).toBe('ids[1]');
    expect(forbiddenTextPath({ count: 3, flag: true, nothing: null }, 'input')).toBeNull();
  });

  it('throws BAD_USER_INPUT naming the field, without echoing the value', () => {
    let error: any;
    try {
      requireCleanArguments({ first: 5, input: { name: '张\u0000三' } });
    } catch (caught) {
      error = caught;
    }
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name', reason: 'CONTROL_CHARACTER' });
    expect(error.message).not.toContain('张');
  });
});
