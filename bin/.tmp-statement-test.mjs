import { register } from 'tsx/esm/api';
register();
await import('/tmp/stmt/cli.mts');
