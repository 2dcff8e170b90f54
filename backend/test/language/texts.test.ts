import { defineTexts } from '../../src/language/texts.js';
import { ApiError } from '../../src/http/api-error.js';

const texts = defineTexts({
  greeting: { it: 'Ciao', en: 'Hello' },
  files: (p: { count: number }) => ({
    it: `${p.count} file salvati`,
    en: `${p.count} file${p.count === 1 ? '' : 's'} saved`,
  }),
});

describe('defineTexts', () => {
  it('writes a fixed sentence and a parameterised one in the reader’s language', () => {
    expect(texts.text('greeting', {}, 'it')).toBe('Ciao');
    expect(texts.text('files', { count: 2 }, 'en')).toBe('2 files saved');
    expect(texts.bilingual('files', { count: 1 })).toEqual({ it: '1 file salvati', en: '1 file saved' });
  });

  it('gives the whole table in one language', () => {
    const en = texts.in('en');
    expect(en.greeting).toBe('Hello');
    expect(en.files({ count: 1 })).toBe('1 file saved');
    expect(texts.in('en')).toBe(en);
  });

  it('writes the API’s error messages with their parameters', () => {
    const error = new ApiError(409, 'licence_plan_missing', undefined, { profile: 'full', years: 3 });
    expect(error.messageIn('it')).toBe(
      'Non hai licenze per il profilo full con conservazione di 3 anni: scegli un profilo e una conservazione acquistati.',
    );
    expect(new ApiError(404, 'route_not_found').toBody('en').error.message).toBe(
      'This address does not exist in the Custodia API.',
    );
  });
});
