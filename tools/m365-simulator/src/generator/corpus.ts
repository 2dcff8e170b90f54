/** Words the generator builds Italian and English mail, files and names from. */
export const GIVEN_NAMES = [
  'Giulia',
  'Marco',
  'Francesca',
  'Alessandro',
  'Chiara',
  'Lorenzo',
  'Sara',
  'Matteo',
  'Elena',
  'Davide',
  'Martina',
  'Andrea',
  'Valentina',
  'Luca',
  'Federica',
  'Simone',
  'Alice',
  'Nicolò',
  'Beatrice',
  'Tommaso',
  'Emma',
  'James',
  'Olivia',
  'Noah',
  'Zoë',
];

export const SURNAMES = [
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Mancini',
  'Costa',
  'Giordano',
  'Rizzo',
  'Lombardi',
  'Moretti',
  "D'Angelo",
  'Smith',
  'Brown',
  'Müller',
  'Fontana',
];

export const DEPARTMENTS = [
  'Amministrazione',
  'Vendite',
  'Produzione',
  'Logistica',
  'IT',
  'Risorse Umane',
  'Marketing',
];

export const SUBJECTS_IT = [
  'Offerta commerciale per il cliente',
  'Verbale della riunione di lunedì',
  'Fattura n. {n} — scadenza a 30 giorni',
  'Aggiornamento sul progetto Milano-Torino',
  'Ferie estive: calendario del reparto',
  'Preventivo trasporto merci',
  'Richiesta di approvazione ordine {n}',
  'Auguri di buon Natale e felice anno nuovo',
  'Convocazione assemblea dei soci',
  'Documentazione per la qualità ISO 9001',
];

export const SUBJECTS_EN = [
  'Quarterly report draft',
  'Meeting notes: supplier review',
  'Invoice {n} overdue',
  'Project kickoff — agenda',
  'Welcome aboard!',
  'Shipping schedule for week {n}',
  'Contract renewal terms',
  'Re: budget approval',
];

export const SENTENCES_IT = [
  'Buongiorno, vi invio in allegato il documento richiesto.',
  'Come concordato durante la riunione, procediamo con la consegna entro venerdì.',
  'Vi ricordo che la scadenza per la consegna dei documenti è fissata a fine mese.',
  'Per qualsiasi chiarimento restiamo a disposizione.',
  'Il cliente ha confermato l’ordine: servono 250 unità a magazzino.',
  'Grazie per la collaborazione, cordiali saluti.',
  'Allego il verbale con le decisioni prese e le attività da svolgere.',
  'Perché non fissiamo una call giovedì alle 15:00?',
];

export const SENTENCES_EN = [
  'Please find the requested document attached.',
  'As agreed in the meeting, delivery goes ahead on Friday.',
  'Let me know if anything is unclear.',
  'The customer confirmed the order; we need 250 units in stock.',
  'Thanks for your help, best regards.',
  'Could we schedule a call on Thursday at 3 pm?',
];

/** Folder names that exercise what backups get wrong: accents, emoji, CJK, long names, look-alike separators. */
export const FOLDER_NAMES = [
  'Clienti',
  'Fornitori',
  'Progetti 2026',
  'Contabilità e bilanci',
  'Amministrazione / Fatture',
  'Résumés — candidature ✉️',
  '日本のパートナー',
  'Cartella con un nome molto lungo per verificare che il backup conservi i nomi delle cartelle oltre i cento caratteri senza troncarli',
  'Archivio.vecchio',
  'Personale',
];

export const ATTACHMENT_NAMES = [
  'Listino prezzi 2026.pdf',
  'Condizioni generali di vendita.pdf',
  'Presentazione aziendale.pptx',
  'Budget Q3.xlsx',
  'Modulo ferie.docx',
  'Organigramma.png',
  'Company profile (EN).pdf',
  'Manuale qualità.pdf',
];

export const FILE_NAMES = [
  'Relazione trimestrale',
  'Offerta',
  'Contratto',
  'Verbale',
  'Report',
  'Piano ferie',
  'Analisi costi',
  'Notes',
];

export const FILE_EXTENSIONS = ['docx', 'xlsx', 'pdf', 'pptx', 'txt', 'png', 'zip'];
