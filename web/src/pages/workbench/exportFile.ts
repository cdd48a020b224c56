import { currentSession } from '../../auth/session';

/**
 * Downloads an export (/exports/…) with the account's token and purpose: a bare link would
 * send neither. The file comes back whole as a blob and is saved through an object URL.
 */
export async function downloadExport(path: string, purpose: string, fileName: string): Promise<void> {
  const token = currentSession()?.token;
  const response = await fetch(path, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-purpose': purpose } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[]; message?: string } | null;
    throw new Error(body?.errors?.[0]?.message ?? body?.message ?? `导出失败（HTTP ${response.status}）`);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
