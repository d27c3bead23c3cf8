// The DataSource the TypeORM CLI loads (npm run migration:*): the same options as the app's, with every
// lib's entities, which migration:generate compares with the database.
import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '@near/config';
import { dataSourceOptions } from '@near/database';
import { ALL_ENTITIES } from './all-entities.js';

export default new DataSource(dataSourceOptions(await loadDatabaseUrl(), 2, ALL_ENTITIES));
