/**
 * The configurator's performance targets on a product far larger than any real one (40 groups,
 * 400 options, 800 rules): evaluate per call (p99 must stay under 2 ms, aim 0.5 ms) and a full
 * analyze (must stay under 2 s, aim 200 ms). Prints exactly two lines:
 *   configurator evaluate p50_ms=… p99_ms=…
 *   configurator analyze ms=…
 */
import { analyze } from "../../lib/core/configurator/analyze";
import { applyChoice } from "../../lib/core/configurator/apply-choice";
import type { Configuration } from "../../lib/core/configurator/configuration";
import { evaluate } from "../../lib/core/configurator/evaluate";
import { generateLargeProduct, seededRandom } from "../../lib/core/configurator/examples/generate-large-product";
import type { ProductDefinition } from "../../lib/core/configurator/product-definition";

const product = generateLargeProduct(42);
const configurations = customerSessions(product, 40, 12);

// Warm up: let the JIT compile evaluate's paths (valid, incomplete, conflicting) before measuring.
for (let round = 0; round < 5; round += 1) for (const configuration of configurations) evaluate(product, configuration);

const durations: number[] = [];
for (let round = 0; round < 20; round += 1) {
  for (const configuration of configurations) {
    const start = performance.now();
    evaluate(product, configuration);
    durations.push(performance.now() - start);
  }
}
durations.sort((a, b) => a - b);
const percentile = (p: number) => durations[Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))]!;
console.log(`configurator evaluate p50_ms=${percentile(50).toFixed(3)} p99_ms=${percentile(99).toFixed(3)}`);

analyze(product); // warm-up run on the same product: the JIT, not the cache (analyze keeps no state)
const analyzeStart = performance.now();
analyze(product);
console.log(`configurator analyze ms=${(performance.now() - analyzeStart).toFixed(1)}`);

/**
 * What evaluate sees in the browser: a customer's configuration after each of their clicks.
 * Each session applies random choices through applyChoice, as the UI does, so most snapshots
 * are consistent and some carry a conflict the customer has not resolved yet.
 */
function customerSessions(definition: ProductDefinition, sessions: number, clicks: number): Configuration[] {
  const random = seededRandom(7);
  const snapshots: Configuration[] = [{}];
  for (let session = 0; session < sessions; session += 1) {
    let configuration: Configuration = {};
    for (let click = 0; click < clicks; click += 1) {
      const group = definition.groups[Math.floor(random() * definition.groups.length)]!;
      let value: Configuration[string];
      if (group.kind === "single") value = group.options[Math.floor(random() * group.options.length)]!.code;
      else if (group.kind === "multi") value = group.options.filter(() => random() < 0.2).slice(0, 4).map((option) => option.code);
      else if (group.kind === "numeric") value = group.min + Math.floor(random() * ((group.max - group.min) / group.step + 1)) * group.step;
      else value = random() < 0.5 ? "" : "HELLO";
      const result = applyChoice(definition, configuration, group.code, value);
      if (!result.ok) continue;
      // Half the time the customer accepts the proposed changes; otherwise the conflict stays on screen.
      configuration = random() < 0.5 ? result.configuration : { ...configuration, [group.code]: value };
      snapshots.push(configuration);
    }
  }
  return snapshots;
}
