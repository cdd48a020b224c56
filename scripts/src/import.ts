import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { PURPOSE_HEADER, PURPOSES, type ImportCounts, type ImportReport, type ImportStreamLine } from '@jiuye/common';
import { parseFlags } from './args';
import { identityFor, mintDevToken } from './dev-tokens';

const USAGE = 'npm run import -- <department> <kind> <file> [--dry-run] [--url http://localhost:4000] [--token T] [--purpose verification] [--region 530113] [--out dir]';

/**
 * npm run import -- hr workers samples/import/workers.xlsx --dry-run
 * Posts the file to the gateway's /imports/<department>/<kind> (GATEWAY_URL or --url; the token
 * from JIUYE_TOKEN or --token, or else a development token for that department's officer of the
 * demo county, minted as `npm run token` does), shows a progress bar on a terminal (plain lines
 * otherwise), prints the counts and the first rejected rows, and saves 导入失败明细 beside the file.
 * Exit code: 0 when the import finished (rejected rows or not), 1 when it was refused or broke off.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const positional = args.filter((arg, i) => !arg.startsWith('--') && !(i > 0 && /^--(url|token|purpose|region|out)$/.test(args[i - 1])));
  const flags = parseFlags(
    args.filter((arg) => !positional.includes(arg)),
    { 'dry-run': 'boolean', url: 'string', token: 'string', purpose: 'string', region: 'string', out: 'string' },
  );
  const [department, kind, file] = positional;
  if (!department || !kind || !file) throw new Error(`usage: ${USAGE}`);
  const purpose = (flags.purpose as string | undefined) ?? 'verification';
  if (!(purpose in PURPOSES)) throw new Error(`--purpose must be one of ${Object.keys(PURPOSES).join(', ')}`);
  const base = ((flags.url as string | undefined) ?? process.env.GATEWAY_URL ?? 'http://localhost:4000').replace(/\/(graphql)?$/, '');
  const token =
    (flags.token as string | undefined) ?? process.env.JIUYE_TOKEN ?? (await mintDevToken(identityFor({ department, region: flags.region as string | undefined, reveal: false })));
  const headers = { authorization: `Bearer ${token}`, [PURPOSE_HEADER]: purpose };
  const bytes = readFileSync(file);
  const dryRun = Boolean(flags['dry-run']);
  const query = new URLSearchParams({ fileName: path.basename(file), ...(dryRun ? { dryRun: '1' } : {}) });
  const response = await fetch(`${base}/imports/${encodeURIComponent(department)}/${encodeURIComponent(kind)}?${query}`, { method: 'POST', body: bytes, headers });
  if (response.status !== 200 || !response.body) {
    const text = await response.text();
    let message = text;
    try {
      const body = JSON.parse(text) as { errors?: { message: string }[]; error?: string };
      message = body.errors?.map((e) => e.message).join('; ') ?? body.error ?? text;
    } catch {
      // not JSON: shown as it came
    }
    throw new Error(`refused (${response.status}): ${message}`);
  }
  const progress = new Progress(process.stdout.isTTY === true);
  let report: ImportReport | null = null;
  for await (const text of createInterface({ input: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), crlfDelay: Infinity })) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as ImportStreamLine;
    if (line.type === 'progress') progress.show(line.done, line.total, line.counts);
    else if (line.type === 'report') report = line.report;
    else if (line.type === 'error') {
      progress.end();
      throw new Error(`broke off: ${line.message}`);
    }
  }
  progress.end();
  if (!report) throw new Error('the gateway closed the stream before the report: run the same file again to complete it');
  const { counts } = report;
  console.log(
    `${dryRun ? 'dry run (nothing written): would insert' : 'inserted'} ${counts.inserted}, ${dryRun ? 'update' : 'updated'} ${counts.updated}, unchanged ${counts.unchanged}, rejected ${counts.rejected} of ${counts.rows} rows` +
      ` — ${report.format}${report.encoding ? ` (${report.encoding})` : ''}, run ${report.runId}`,
  );
  if (report.groupCounts) {
    const g = report.groupCounts;
    console.log(
      `per group (household): ${dryRun ? 'would insert' : 'inserted'} ${g.inserted}, ${dryRun ? 'update' : 'updated'} ${g.updated}, unchanged ${g.unchanged}, rejected ${g.rejected} of ${g.groups}`,
    );
  }
  if (report.unknownColumns.length) console.log(`columns not read: ${report.unknownColumns.join(', ')}`);
  for (const row of report.rejected.slice(0, 20)) console.log(`  line ${row.line}: ${row.reason}`);
  if (report.rejected.length > 20 || report.rejectedTruncated) console.log(`  … ${counts.rejected - 20} more in the rejected-rows file`);
  if (counts.rejected > 0) {
    const download = await fetch(`${base}/imports/${encodeURIComponent(department)}/runs/${report.runId}/rejected.xlsx`, { headers });
    if (download.status !== 200) throw new Error(`the rejected-rows file could not be fetched (${download.status})`);
    const target = path.join((flags.out as string | undefined) ?? path.dirname(file), `${path.basename(file).replace(/(\.导入失败明细)?\.[^.]*$/, '')}.导入失败明细.xlsx`);
    writeFileSync(target, Buffer.from(await download.arrayBuffer()));
    console.log(`rejected rows with their reasons (导入失败明细): ${target} — fix them there and import that file`);
  }
}

/** A bar redrawn in place on a terminal; one line per batch otherwise (logs, CI). */
class Progress {
  private drawn = false;
  constructor(private readonly tty: boolean) {}

  show(done: number, total: number, counts: ImportCounts): void {
    const tally = `新增 ${counts.inserted} 更新 ${counts.updated} 未变 ${counts.unchanged} 失败 ${counts.rejected}`;
    if (!this.tty) return void console.log(`${done}/${total} rows  ${tally}`);
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stdout.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${tally}`);
    this.drawn = true;
  }

  end(): void {
    if (this.drawn) process.stdout.write('\n');
    this.drawn = false;
  }
}

main().catch((error) => {
  console.error(`npm run import: ${(error as Error).message}`);
  process.exit(1);
});
