import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen with this migration: the zone of each Russian and Mongolian government of the foundation's registry,
// by its English name (the capital's zone where a government spans several). China, Japan and the two Koreas
// have one zone each.
const ZONES_BY_NAME: Readonly<Record<string, string>> = {
  'Republic of Buryatia': 'Asia/Irkutsk',
  'Sakha (Yakutia) Republic': 'Asia/Yakutsk',
  'Tuva Republic': 'Asia/Krasnoyarsk',
  'Altai Krai': 'Asia/Barnaul',
  'Zabaykalsky Krai': 'Asia/Chita',
  'Krasnoyarsk Krai': 'Asia/Krasnoyarsk',
  'Primorsky Krai': 'Asia/Vladivostok',
  'Khabarovsk Krai': 'Asia/Vladivostok',
  'Amur Oblast': 'Asia/Yakutsk',
  'Irkutsk Oblast': 'Asia/Irkutsk',
  'Kamchatka Krai': 'Asia/Kamchatka',
  'Magadan Oblast': 'Asia/Magadan',
  'Sakhalin Oblast': 'Asia/Sakhalin',
  'Tomsk Oblast': 'Asia/Tomsk',
  'Kemerovo Oblast': 'Asia/Novokuznetsk',
  'Bayan-Ölgii': 'Asia/Hovd',
  'Govi-Altai': 'Asia/Hovd',
  Khovd: 'Asia/Hovd',
  Uvs: 'Asia/Hovd',
  Zavkhan: 'Asia/Hovd',
};
const ZONES_BY_COUNTRY: Readonly<Record<string, string>> = {
  CN: 'Asia/Shanghai',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  KP: 'Asia/Pyongyang',
  MN: 'Asia/Ulaanbaatar',
};

/**
 * A government's time zone (IANA), so that an e-mail gives a deadline in its readers' own time; null where it is
 * not known (those readers get UTC, said as such). Each outbox row keeps its recipient's zone as written.
 */
export class ReaderTimeZones1765584000000 implements MigrationInterface {
  name = 'ReaderTimeZones1765584000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE governments ADD COLUMN time_zone text`);
    await db.query(`ALTER TABLE notifications ADD COLUMN time_zone text`);
    await db.query(
      `UPDATE governments g SET time_zone = z.zone
         FROM unnest($1::text[], $2::text[]) AS z (name_en, zone)
        WHERE g.country IN ('RU', 'MN') AND g.name_en = z.name_en`,
      [Object.keys(ZONES_BY_NAME), Object.values(ZONES_BY_NAME)],
    );
    await db.query(
      `UPDATE governments g SET time_zone = z.zone
         FROM unnest($1::text[], $2::text[]) AS z (country, zone)
        WHERE g.time_zone IS NULL AND g.country = z.country`,
      [Object.keys(ZONES_BY_COUNTRY), Object.values(ZONES_BY_COUNTRY)],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP COLUMN time_zone`);
    await db.query(`ALTER TABLE governments DROP COLUMN time_zone`);
  }
}
