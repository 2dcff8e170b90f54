import { z } from 'zod';
import { localeOf, type Bilingual, type Language } from '../language/language.js';
import { defineTexts } from '../language/texts.js';
import { weekdays, type Weekday, type SupportHours, type SupportContact } from '../tenants/provider-profile.js';

const clock = '([01]\\d|2[0-3]):([0-5]\\d)';
const day = `(${weekdays.join('|')})`;
const hoursPattern = new RegExp(`^${day}-${day} ${clock}-${clock}$`);

/** `PROVIDER_SUPPORT_PHONE`: digits and spaces, optionally after `+` (as printed for people to dial). */
export const supportPhoneSetting = z
  .string()
  .trim()
  .regex(/^\+?\d[\d ]{4,22}\d$/, 'a phone number: digits and spaces, optionally starting with +');

/** `PROVIDER_SUPPORT_HOURS`: `mon-fri 08:00-18:00` (days in English, 24-hour clock; closing after opening). */
export const supportHoursSetting = z
  .string()
  .trim()
  .toLowerCase()
  .regex(hoursPattern, 'days and hours as "mon-fri 08:00-18:00" (mon…sun, 24-hour clock)')
  .refine((value) => {
    const [, , , openH, openM, closeH, closeM] = hoursPattern.exec(value) ?? [];
    return `${openH}:${openM}` < `${closeH}:${closeM}`;
  }, 'the closing time must come after the opening time')
  .transform((value) => {
    const [days = '', times = ''] = value.split(' ');
    const [fromDay, toDay] = days.split('-') as [Weekday, Weekday];
    const [opens = '', closes = ''] = times.split('-');
    return { fromDay, toDay, opens, closes };
  });

/** `PROVIDER_SUPPORT_TIME_ZONE`: an IANA zone this runtime knows. */
export const timeZoneSetting = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/Rome');

/** `PROVIDER_SUPPORT_PIN`: the digits the phone line asks for. */
export const supportPinSetting = z.string().regex(/^\d{3,10}$/, '3 to 10 digits');

const hoursSchema = z.strictObject({
  fromDay: z.enum(weekdays),
  toDay: z.enum(weekdays),
  opens: z.string().regex(/^\d{2}:\d{2}$/),
  closes: z.string().regex(/^\d{2}:\d{2}$/),
  timeZone: z.string(),
});

const bilingualSchema = z.strictObject({ it: z.string(), en: z.string() });

/** The support contact as the API shows it: the settings, and the sentences people read in both languages. */
export const supportContactSchema = z.strictObject({
  provider: z.string(),
  email: z.email(),
  phone: z.string().describe('As printed, with spaces'),
  dial: z.string().describe('The number to dial (a tel: link): digits, optionally after +'),
  pin: z.string(),
  hours: hoursSchema,
  hoursText: bilingualSchema.describe('When the phone line answers, in words'),
});

const weekdayNames = (language: Language, weekday: Weekday): string =>
  // 1 January 2024 was a Monday: the n-th weekday is that date plus n days.
  new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1 + weekdays.indexOf(weekday)),
  );

/** Italian days are masculine except Sunday: "dal lunedì", "alla domenica". */
const italianArticle = (weekday: Weekday, masculine: string, feminine: string) =>
  weekday === 'sun' ? feminine : masculine;

const hoursTexts = defineTexts({
  hours: (p: {
    fromDay: Weekday;
    toDay: Weekday;
    from: Bilingual;
    to: Bilingual;
    opens: string;
    closes: string;
    timeZone: string;
  }) => ({
    it:
      `${italianArticle(p.fromDay, 'dal', 'dalla')} ${p.from.it} ${italianArticle(p.toDay, 'al', 'alla')} ${p.to.it}, ` +
      `dalle ${p.opens} alle ${p.closes} (fuso orario ${p.timeZone})`,
    en: `${p.from.en} to ${p.to.en}, ${p.opens} to ${p.closes} (${p.timeZone} time)`,
  }),
});

const bothLanguages = (weekday: Weekday): Bilingual => ({
  it: weekdayNames('it', weekday),
  en: weekdayNames('en', weekday),
});

/** "dal lunedì al venerdì, dalle 08:00 alle 18:00 (fuso orario Europe/Rome)" and its English. */
export function describeHours(hours: SupportHours): Bilingual {
  return hoursTexts.bilingual('hours', {
    fromDay: hours.fromDay,
    toDay: hours.toDay,
    from: bothLanguages(hours.fromDay),
    to: bothLanguages(hours.toDay),
    opens: hours.opens,
    closes: hours.closes,
    timeZone: hours.timeZone,
  });
}

export function supportContactView(
  provider: { name: string; supportEmail: string },
  contact: SupportContact,
): z.input<typeof supportContactSchema> {
  return {
    provider: provider.name,
    email: provider.supportEmail,
    phone: contact.phone,
    dial: contact.phone.replace(/ /g, ''),
    pin: contact.pin,
    hours: { ...contact.hours },
    hoursText: describeHours(contact.hours),
  };
}
