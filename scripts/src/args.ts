/** Tiny --flag value parser for the scripts; unknown flags are an error that names them. */
export function parseFlags(argv: string[], known: Record<string, 'number' | 'string' | 'boolean'>): Record<string, string | number | boolean> {
  const flags: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[1] in known))
      throw new Error(
        `unknown argument ${arg}; expected ${Object.keys(known)
          .map((k) => `--${k}`)
          .join(', ')}`,
      );
    const [, name, inline] = match;
    if (known[name] === 'boolean') {
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    if (known[name] === 'number') {
      const number = Number(value.replace(/_/g, ''));
      if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a non-negative number, got "${value}"`);
      flags[name] = number;
    } else flags[name] = value;
  }
  return flags;
}
