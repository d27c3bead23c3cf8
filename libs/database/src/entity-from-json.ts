import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a row PostgreSQL turned into JSON (`to_jsonb(t)`, keyed by column name), hydrated as TypeORM
 * would hydrate it: property names, `timestamptz` as Date, `bigint` as string. Lets a reader fetch an entity and
 * what hangs off it in one statement (`json_agg` subqueries) instead of one round trip per table.
 */
export function entityFromJson<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, json: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!column.isSelect) continue;
    const raw = json[column.databaseName];
    if (raw === undefined) continue;
    column.setEntityValue(entity, raw === null ? null : fromJsonValue(column.type, raw));
  }
  return entity;
}

export function entitiesFromJson<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, json: unknown): T[] {
  return Array.isArray(json) ? json.map((item: Record<string, unknown>) => entityFromJson(dataSource, target, item)) : [];
}

function fromJsonValue(type: unknown, raw: unknown): unknown {
  switch (type) {
    case 'timestamptz':
    case 'timestamp with time zone':
      return new Date(raw as string);
    case 'bigint':
    case 'int8':
      return String(raw);
    default:
      return raw;
  }
}
