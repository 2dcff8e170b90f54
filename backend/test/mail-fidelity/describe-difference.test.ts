import { describeDifference } from '../../src/workloads/exchange/mail-fidelity/index.js';
import { phrase, phrases, type PhraseId } from '../../src/workloads/exchange/mail-fidelity/difference-phrases.js';

describe('describeDifference', () => {
  it('says a lost header in English and Italian', () => {
    const difference = { where: 'headers', what: 'header Bcc missing', expected: 'audit@contoso.example' };
    expect(describeDifference(difference, 'en')).toBe('Headers: header Bcc missing (was “audit@contoso.example”).');
    expect(describeDifference(difference, 'it')).toBe(
      'Intestazioni: intestazione Bcc mancante (era «audit@contoso.example»).',
    );
  });

  it('says a changed nested attachment with both values', () => {
    const difference = {
      where: 'part 2 > attachment invoice.pdf',
      what: 'file name differs',
      expected: 'invoice.pdf',
      actual: 'invoice (1).pdf',
    };
    expect(describeDifference(difference, 'en')).toBe(
      'Part 2 > attachment invoice.pdf: file name differs (expected “invoice.pdf”, found “invoice (1).pdf”).',
    );
    expect(describeDifference(difference, 'it')).toBe(
      'Parte 2 > allegato invoice.pdf: nome del file diverso (atteso «invoice.pdf», trovato «invoice (1).pdf»).',
    );
  });

  it('keeps long and multi-line values to one short line', () => {
    const received = Array.from({ length: 25 }, (_, hop) => `from mx${hop}.relay.example by mx${hop + 1}`);
    const sentence = describeDifference(
      { where: 'headers', what: '25 Received headers missing', expected: received.join('\n') },
      'it',
    );
    expect(sentence).toMatch(
      /^Intestazioni: 25 intestazioni Received mancanti \(era «from mx0\.relay\.example by mx1 \| /,
    );
    expect(sentence).not.toContain('\n');
    expect(sentence.length).toBeLessThan(200);
  });

  it.each(Object.keys(phrases) as PhraseId[])('translates the %s phrase into Italian', (id) => {
    const what = phrase(id, { name: 'X-Custodia-Ticket', count: 3 });
    const italian = describeDifference({ where: 'part 1.2', what }, 'it');
    expect(italian).toBe(
      `Parte 1.2: ${phrases[id].it.replace('{name}', 'X-Custodia-Ticket').replace('{count}', '3')}.`,
    );
    expect(italian).not.toContain(what);
  });

  it('leaves a phrase it does not know in English', () => {
    expect(describeDifference({ where: 'body', what: 'something else' }, 'it')).toBe('Corpo: something else.');
  });
});
