// Milliseconds since the epoch → ISO 8601 with milliseconds, exactly as Date#toISOString writes it, for
// reads that format tens of thousands of span times. The date part is formatted once per day and kept;
// the time of day is plain arithmetic. Inside the Next.js server `new Date` is wrapped, and one Date per
// time is also one more object for the collector. Pure.

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

let cachedDay = NaN;
let cachedPrefix = "";

/** Date#toISOString of `ms` (a whole or fractional number of milliseconds; the fraction is dropped like Date does). */
export function isoFromMs(ms: number): string {
  const whole = Math.trunc(ms);
  const day = Math.floor(whole / DAY_MS) * DAY_MS;
  if (day !== cachedDay) {
    // Date throws on times outside its range and writes years beyond 0000–9999 with a sign: left to it.
    const iso = new Date(day).toISOString();
    if (iso.length !== 24) return new Date(whole).toISOString();
    cachedDay = day;
    cachedPrefix = iso.slice(0, 11);
  }
  const inDay = whole - day;
  const seconds = Math.floor(inDay / 1000);
  return `${cachedPrefix}${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.${pad3(inDay % 1000)}Z`;
}
