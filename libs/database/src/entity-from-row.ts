import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a row keyed by column name, hydrated as TypeORM would hydrate it: property names, `timestamptz`
 * as Date, `bigint` as string. The row may be one PostgreSQL turned into JSON (`to_jsonb(t)`), which lets a
 * reader fetch an entity and what hangs off it in one statement (`json_agg` subqueries), or a plain `SELECT *`
 * row from pg (its values are typed already and pass through), which skips the ORM's query building on hot paths.
 */
export function entityFromRow<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!column.isSelect) continue;
    const raw = row[column.databaseName];
    if (raw === undefined) continue;
    column.setEntityValue(entity, raw === null ? null : fromStoredValue(column.type, raw));
  }
  return entity;
}

export function entitiesFromRows<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, rows: unknown): T[] {
  return Array.isArray(rows) ? rows.map((item: Record<string, unknown>) => entityFromRow(dataSource, target, item)) : [];
}

function fromStoredValue(type: unknown, raw: unknown): unknown {
  switch (type) {
    case 'timestamptz':
    case 'timestamp with time zone':
      return new Date(raw as string);
    case 'date':
      // pg parses a date into midnight of the local time zone; TypeORM gives it as its text, YYYY-MM-DD.
      return raw instanceof Date ? localDateText(raw) : raw;
    case 'bigint':
    case 'int8':
      return String(raw);
    default:
      return raw;
  }
}

function localDateText(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
