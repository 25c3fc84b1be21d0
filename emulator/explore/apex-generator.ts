import type { ApexRecord, WhoisRecord } from './records.js';
import { chance, pick, randomInt, type Random } from './random.js';
import {
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  MAIL_PROVIDERS,
  NAME_SERVER_SETS,
  NAME_WORDS,
  ORGANIZATION_SUFFIXES,
  PRIVACY_ORGANIZATIONS,
  REGISTRARS,
  STREETS,
  TLDS,
  type HostingProvider,
} from './vocabulary.js';

const EARLIEST_CREATION = Date.UTC(1995, 0, 1);
const LATEST_CREATION = Date.UTC(2023, 11, 31);
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Picks an apex name not in `taken` (and adds it); collisions get a numeric suffix. */
export function newApexName(random: Random, taken: Set<string>): string {
  const [first, second] = [pick(random, NAME_WORDS), pick(random, NAME_WORDS)];
  const base = chance(random, 0.2) ? `${first}-${second}` : `${first}${second}`;
  const tld = pick(random, TLDS);
  let name = `${base}.${tld}`;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${base}${suffix}.${tld}`;
  taken.add(name);
  return name;
}

/** A registered domain hosted at `provider`, with its DNS, mail, WHOIS and rank details. */
export function generateApex(random: Random, name: string, provider: HostingProvider): ApexRecord {
  const nameServers = pick(random, NAME_SERVER_SETS);
  const mail = generateMail(random, name, provider);
  const whois = generateWhois(random, name, provider);
  const privacy = PRIVACY_ORGANIZATIONS.includes(whois.organization ?? '');
  const cdnInFront = provider.owner !== 'Cloudflare, Inc.' && chance(random, 0.15);

  return {
    name,
    tld: name.slice(name.lastIndexOf('.') + 1),
    ns: nameServers.ns.map((server) => server.replace('{apex}', name)),
    mx: mail.mx,
    soaEmail: nameServers.soaEmail.replace('{apex}', name),
    whois,
    hostProvider: cdnInFront ? [provider.owner, 'Cloudflare, Inc.'] : [provider.owner],
    mailProvider: mail.providers,
    companyName: privacy && chance(random, 0.5) ? null : whois.organization,
    alexaRank: chance(random, 0.55) ? randomInt(random, 100, 1_000_000) : null,
    openPageRank: chance(random, 0.7) ? Math.round((1 + random() * 8) * 100) / 100 : null,
  };
}

function generateMail(
  random: Random,
  name: string,
  provider: HostingProvider,
): { mx: string[]; providers: string[] } {
  const roll = random();
  if (roll < 0.2) return { mx: [], providers: [] };
  if (roll < 0.3) return { mx: [`mail.${name}`], providers: [provider.owner] };

  const mailProvider = pick(random, MAIL_PROVIDERS);
  const dashed = name.replaceAll('.', '-');
  return {
    mx: mailProvider.mx.map((host) => host.replace('{apex-dashed}', dashed)),
    providers: [mailProvider.owner],
  };
}

function generateWhois(random: Random, name: string, provider: HostingProvider): WhoisRecord {
  const createdDate =
    Math.floor((EARLIEST_CREATION + random() * (LATEST_CREATION - EARLIEST_CREATION)) / 1000) *
    1000;
  const registrar = pick(random, REGISTRARS);
  const expiresDate = createdDate + randomInt(random, 1, 10) * YEAR_MS;
  if (chance(random, 0.35)) {
    return {
      ...emptyContact(),
      registrar,
      organization: pick(random, PRIVACY_ORGANIZATIONS),
      createdDate,
      expiresDate,
    };
  }

  const country = COUNTRIES[pick(random, provider.countries)];
  const [first, last] = [pick(random, FIRST_NAMES), pick(random, LAST_NAMES)];
  const label = name.slice(0, name.indexOf('.')).replaceAll('-', ' ');
  return {
    registrar,
    email: chance(random, 0.5) ? `hostmaster@${name}` : `${first}.${last}@${name}`.toLowerCase(),
    organization: `${capitalize(label)} ${pick(random, ORGANIZATION_SUFFIXES)}`,
    name: `${first} ${last}`,
    street1: `${randomInt(random, 1, 250)} ${pick(random, STREETS)}`,
    city: country === undefined ? null : pick(random, country.cities),
    postalCode: String(randomInt(random, 10000, 99999)),
    country: country?.name ?? null,
    telephone: `+1.555${String(randomInt(random, 0, 9_999_999)).padStart(7, '0')}`,
    fax: chance(random, 0.2)
      ? `+1.555${String(randomInt(random, 0, 9_999_999)).padStart(7, '0')}`
      : null,
    createdDate,
    expiresDate,
  };
}

function emptyContact(): Omit<WhoisRecord, 'registrar' | 'createdDate' | 'expiresDate'> {
  return {
    email: null,
    organization: null,
    name: null,
    street1: null,
    city: null,
    postalCode: null,
    country: null,
    telephone: null,
    fax: null,
  };
}

function capitalize(words: string): string {
  return words.replace(/\b\w/g, (letter) => letter.toUpperCase());
}
