export * from './data-converter';
export * from './payload-codec';
export * from './shared';
export * from './search-attribute-registration';
export * from './temporal-client.module';
export * from './connection-options';
