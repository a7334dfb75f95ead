/** The configurator core's public surface; everything else in this folder is internal. */
export {
  CHARACTER_SETS,
  defineProduct,
  ProductDefinitionSchema,
  type BomLine,
  type Condition,
  type Option,
  type OptionGroup,
  type PriceRule,
  type ProductDefinition,
  type ProductDefinitionInput,
  type Routing,
  type Rule,
  type RuleKind,
} from "./product-definition";
export {
  ChoiceValueSchema,
  ConfigurationSchema,
  decodeConfiguration,
  encodeConfiguration,
  type ChoiceValue,
  type Configuration,
  type DecodedConfiguration,
  type DroppedEntry,
} from "./configuration";
export { evaluate, MAX_QUANTITY, type ConfigurationError, type EvaluateOptions, type Evaluation } from "./evaluate";
export type { Blocker, GroupState, OptionState } from "./option-availability";
export type { ChoiceChange, Conflict } from "./conflicts";
export type { PriceBreakdown, PriceLine } from "./price";
export type { PartsLine } from "./bill-of-materials";
export type { ProductionJobSpec } from "./routing";
export { applyChoice, type ApplyChoiceResult } from "./apply-choice";
export { analyze, type AnalysisProblem, type ProductAnalysis } from "./analyze";
export {
  checkConfigurationRequest,
  ConfigurationRequestSchema,
  type CheckedConfigurationRequest,
  type ConfigurationRequest,
  type RequestIssue,
} from "./check-configuration-request";
