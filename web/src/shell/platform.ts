/** The platform's name on the header, the sign-in page and the wall screen (its own module: pages import it without the header and its routes). */
export const PLATFORM_NAME = '就业扶贫数据平台';
