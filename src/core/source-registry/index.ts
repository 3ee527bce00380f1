// The sources registry a team shares (`.sourcelens.json`): read from its text (the adapters find the file),
// joined to the sources an analysis found, and described by a JSON Schema that the extension ships.
export { addToRegistry, newRegistryText, type NewRegistryEntry, type RegistryAddition } from './add-entry';
export { registerSources } from './match-registry';
export {
  EMPTY_REGISTRY,
  parseRegistry,
  REGISTRY_FILE_NAME,
  registryKey,
  type RegistryEntry,
  type RegistryProblem,
  type SourceRegistry,
} from './parse-registry';
export { registrySchema } from './registry-schema';
