export * from './control-plane-files';
export * from './metadata';
export * from './names';
export * from './read-metadata';
