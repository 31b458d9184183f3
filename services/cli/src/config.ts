// One configuration for the command line and the server: see @vanban/api's config.ts.
export { ConfigError, readConfig, type Config } from '@vanban/api';
