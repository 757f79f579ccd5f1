// The official report of a submission (Nghị định 30/2020): model, wording and sources.
export * from './types';
export * from './source';
export * from './model';
export * from './wording';
export * from './province-content';
export * from './province-model';
export * from './unit-kinds';
