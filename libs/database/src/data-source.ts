// The DataSource the TypeORM CLI loads (npm run migration:*), built from the same options as the app's.
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../config/src/index.js';
import { dataSourceOptions } from './data-source-options.js';

const { config } = await loadAppConfig();

export default new DataSource(dataSourceOptions(config.database.url, 2));
