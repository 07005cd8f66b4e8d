export * from './metadata';
export * from './names';
export * from './read-metadata';
