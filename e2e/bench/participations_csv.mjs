// The participants sheet the benches import: a Swedish Excel CSV of
// synthetic participations (shared by flow.mjs and profile.mjs).

const INSATSER = ['Case Management', 'Ung i Tyresö', 'Ung i Nynäs', 'KBT-samtal Nynäshamn', 'Arbetsträning Grow'];
const MUNICIPALITIES = ['Haninge', 'Nynäshamn', 'Tyresö'];
const GENDERS = ['Kvinna', 'Man', 'Kvinna', 'Man', 'Annat/okänt'];
const REFERRERS = ['Kommunen', 'Arbetsförmedlingen', 'Försäkringskassan', 'Regionen', 'Egenanmälan', 'Annan'];
const STATUSES = ['Arbete', 'Studier', 'Arbetssökande', 'Vidare till ordinarie insats', 'Avbrott'];

/** A Swedish Excel CSV of `n` participations, 2015–2018, rows `from`…
 * With `codes`, each row carries its own code (`K0000001`, …), as an
 * export does; with `edited` as well, every tenth row ends 30 days later,
 * as a sheet edited in Excel and read back. */
export function csvText(n, from = 0, { codes = false, edited = false } = {}) {
  const day = (d) => new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const header = 'Insats;Kön;Ålder;Kommun;Anvisad av;Startdatum;Slutdatum;Avslutsorsak';
  const rows = [codes ? `Kod;${header}` : header];
  for (let k = from; k < from + n; k++) {
    const ended = k % 3 !== 0;
    const later = edited && k % 10 === 1 ? 30 : 0;
    const cells = [
      INSATSER[k % INSATSER.length],
      GENDERS[k % GENDERS.length],
      16 + (k % 48),
      MUNICIPALITIES[k % 3],
      REFERRERS[k % REFERRERS.length],
      day((k * 7) % 1300),
      ended ? day(((k * 7) % 1300) + 120 + later) : '',
      ended ? STATUSES[k % STATUSES.length] : '',
    ];
    if (codes) cells.unshift(`K${String(k).padStart(7, '0')}`);
    rows.push(cells.join(';'));
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
