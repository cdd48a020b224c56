import { DEPARTMENTS, PURPOSES } from '@jiuye/common';
import { parseFlags } from './args';
import { identityFor, mintDevToken } from './dev-tokens';

/**
 * npm run token -- --department partner --city 4403
 * Mints a development token (HS256 with JWT_SECRET or the development secret) and prints it
 * with an example request. Production tokens come from the identity provider.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    department: 'string',
    role: 'string',
    region: 'string',
    city: 'string',
    institution: 'string',
    reveal: 'boolean',
    subject: 'string',
    expires: 'string',
    quiet: 'boolean',
  });
  if (!flags.department) throw new Error(`--department is required: one of ${DEPARTMENTS.join(', ')}`);
  const identity = identityFor({
    department: String(flags.department),
    role: flags.role as string | undefined,
    region: flags.region as string | undefined,
    city: flags.city as string | undefined,
    institution: flags.institution as string | undefined,
    reveal: Boolean(flags.reveal),
    subject: flags.subject as string | undefined,
  });
  const token = await mintDevToken(identity, (flags.expires as string | undefined) ?? '8h');
  if (flags.quiet) {
    console.log(token);
    return;
  }
  console.log(`# ${JSON.stringify(identity)}
${token}

# e.g.
curl -s http://localhost:4000/graphql -H 'content-type: application/json' \\
  -H 'authorization: Bearer ${token}' -H 'x-purpose: employment-service' \\
  -d '{"query":"{ __typename }"}'

# purposes (x-purpose): ${Object.entries(PURPOSES)
    .map(([key, label]) => `${key} ${label}`)
    .join(', ')}`);
}

main().catch((error) => {
  console.error(`npm run token: ${(error as Error).message}`);
  process.exit(1);
});
