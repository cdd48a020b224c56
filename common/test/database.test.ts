import { Client } from 'pg';
import { ensureDatabaseExists } from '@jiuye/common';
import { freshDatabaseUrl } from '@jiuye/testing/harness';

describe('ensureDatabaseExists', () => {
  it('lets several processes create the same new database at once (one creates it, the others find it)', async () => {
    for (let round = 0; round < 3; round++) {
      const url = freshDatabaseUrl('created_concurrently');
      // Separate connections, as separate gateways or services starting together would have.
      await Promise.all(Array.from({ length: 8 }, () => ensureDatabaseExists(url)));
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        expect((await client.query('select current_database() as name')).rows[0].name).toBe(new URL(url).pathname.slice(1));
      } finally {
        await client.end();
      }
    }
  });
});
