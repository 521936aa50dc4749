export * from './shared';
export * from './search-attribute-registration';
export * from './temporal-client.module';
