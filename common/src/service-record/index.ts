export * from './vocabulary';
export * from './service-record.entity';
export * from './service-record.inputs';
export * from './service-record.service';
export * from './service-record.resolver';
export * from './service-record.sql';
