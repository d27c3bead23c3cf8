import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsUnderLock } from '@near/database';
import { ALL_ENTITIES } from '../apps/api/src/cli/all-entities.js';
import { createTestApp } from './utils/create-test-app.js';
import { createTestDatabase, type TestDatabase } from './utils/test-database.js';

interface DatabaseColumn {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  data_type: string;
  udt_name: string;
}

// synchronize is off: a column added to an entity without a migration would fail only when a query touched it.
describe('the entities and the schema the migrations build', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ ...dataSourceOptions(database.url, 2, ALL_ENTITIES), logging: false }).initialize();
    await runMigrationsUnderLock(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('agree on every column an entity maps: it exists, with the type and the nullability the entity says', async () => {
    const columns: DatabaseColumn[] = await dataSource.query(
      `SELECT table_name, column_name, is_nullable, data_type, udt_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const inDatabase = new Map(columns.map((column) => [`${column.table_name}.${column.column_name}`, column]));
    const disagreements: string[] = [];
    for (const entity of dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const name = `${entity.tableName}.${column.databaseName}`;
        const found = inDatabase.get(name);
        const type = `${dataSource.driver.normalizeType(column)}${column.isArray ? '[]' : ''}`;
        const says = `${type}${column.isNullable ? ' null' : ' not null'}`;
        if (!found) {
          disagreements.push(`${name}: the entity maps it (${says}), no migration creates it`);
          continue;
        }
        const foundType = found.data_type === 'ARRAY' ? `${found.udt_name.replace(/^_/, '')}[]` : found.data_type;
        const is = `${foundType}${found.is_nullable === 'YES' ? ' null' : ' not null'}`;
        if (is !== says) disagreements.push(`${name}: the entity says ${says}, the database has ${is}`);
      }
    }
    expect(dataSource.entityMetadatas.length).toBe(ALL_ENTITIES.length);
    expect(disagreements).toEqual([]);
  });

  it('checks every entity the libs register: the API has exactly the list the migration CLI composes', async () => {
    const api = await createTestApp();
    try {
      const registered = api.dataSource.entityMetadatas.map((entity) => entity.tableName).sort();
      expect(registered).toEqual(dataSource.entityMetadatas.map((entity) => entity.tableName).sort());
    } finally {
      await api.close();
    }
  });
});
