export * from './vocabulary.ts';
export * from './permissions.ts';
export * from './kernel.contract.ts';
export { wouldCreateCycle } from './tree.ts';
