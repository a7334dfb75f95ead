/**
 * Exact ceil(minutes / speed) on the decimal the instance wrote for `speed`: naive floating
 * point says ceil(33 / 1.1) = 31 because 33 / 1.1 = 30.000000000000004, FORMAT.md says 30.
 */
export function processingMinutes(minutes: number, speed = 1): number {
  const decimal = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(speed));
  if (!decimal || !Number.isInteger(minutes)) return Math.ceil(minutes / speed - 1e-9);
  const fraction = decimal[2] ?? "";
  const exponent = decimal[3] ? Number.parseInt(decimal[3], 10) : 0;
  // speed = numerator / denominator, exactly
  let numerator = BigInt((decimal[1] ?? "0") + fraction);
  let denominator = 10n ** BigInt(fraction.length);
  if (exponent > 0) numerator *= 10n ** BigInt(exponent);
  else if (exponent < 0) denominator *= 10n ** BigInt(-exponent);
  if (numerator === 0n) throw new Error("speed must be positive");
  const dividend = BigInt(minutes) * denominator;
  return Number((dividend + numerator - 1n) / numerator);
}
