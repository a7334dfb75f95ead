/**
 * The payment seam. Tailorline ships without a payment provider: an order is confirmed when it
 * is placed. A provider plugs in here — authorize inside the placement (before commit), and
 * capture when the order ships — and a refusal throws an AppError (402) so nothing is written.
 */
export type PaymentConfirmation = { method: "none"; confirmed: true };

export function confirmPayment(_order: { number: string; totalPrice: number; currency: string }): PaymentConfirmation {
  return { method: "none", confirmed: true };
}
