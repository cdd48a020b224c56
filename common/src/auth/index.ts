export * from './identity';
export * from './tokens';
export * from './access';
export * from './guard';
export * from './personal-types';
export * from './visibility-cache';
export * from './identifying-fields';
export * from './link-evidence';
