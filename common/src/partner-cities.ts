/**
 * Which city codes are partner cities of the platform, asked of partner (the only holder of the
 * list) on its internal route, with the caller's signed identity: e.g. training checks the city
 * that funds a class (东西部协作资金). Reference data, no person.
 */
export const PARTNER_CITIES_PATH = '/internal/partner-cities';

/** At most this many codes per question. */
export const MAX_PARTNER_CITY_CODES = 20;

/** `{ codes: [...] }` with up to 20 4-digit codes, or null when the body is anything else. */
export function parsePartnerCityQuery(body: unknown): string[] | null {
  const codes = (body as { codes?: unknown } | null)?.codes;
  if (!Array.isArray(codes) || codes.length > MAX_PARTNER_CITY_CODES) return null;
  return codes.every((code): code is string => typeof code === 'string' && /^\d{4}$/.test(code)) ? codes : null;
}

/** The answer's known codes (anything malformed counts as none known). */
export function parsePartnerCityAnswer(body: unknown): Set<string> {
  const known = (body as { known?: unknown } | null)?.known;
  return new Set(Array.isArray(known) ? known.filter((code): code is string => typeof code === 'string') : []);
}
