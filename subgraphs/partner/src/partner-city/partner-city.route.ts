import { HttpError, MAX_PARTNER_CITY_CODES, PARTNER_CITIES_PATH, parsePartnerCityQuery, type SubgraphContext } from '@jiuye/common';
import { PartnerCity } from './partner-city.entity';

/**
 * The internal route other departments ask which of up to 20 city codes are partner cities here
 * (training: the city funding a class). Reference data, no person: any staff identity the
 * gateway signed may ask (another department's mutation forwards its caller's).
 */
export const partnerCityRoutes = {
  [PARTNER_CITIES_PATH]: async (context: SubgraphContext, body: unknown): Promise<{ known: string[] }> => {
    const codes = parsePartnerCityQuery(body);
    if (!codes) throw new HttpError(400, `codes: up to ${MAX_PARTNER_CITY_CODES} 4-digit city codes`);
    if (codes.length === 0) return { known: [] };
    const found = await context.em.find(PartnerCity, { code: { $in: codes } }, { fields: ['code'] });
    return { known: found.map((city) => city.code) };
  },
};
