// The DataSource the TypeORM CLI loads (npm run migration:*): the same options as the app's, with every
// lib's entities, which migration:generate compares with the database.
import { ConsoleLogger, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '@near/config';
import { dataSourceOptions } from '@near/database';
import { ALL_ENTITIES } from './all-entities.js';

const url = await loadDatabaseUrl();
// The CLI reports each migration through our TypeORM logger, which writes through Nest's: on a server one JSON
// line per event, as the API and the worker write theirs; elsewhere plain lines, coloured only on a terminal.
const production = process.env.NODE_ENV === 'production';
Logger.overrideLogger(new ConsoleLogger({ json: production, colors: !production && process.stdout.isTTY === true }));

export default new DataSource(dataSourceOptions(url, 2, ALL_ENTITIES));
