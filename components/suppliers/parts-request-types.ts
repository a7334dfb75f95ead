/** A parts request as the supplier portal's API returns it (dates as ISO strings). */
export type PartsRequestRow = {
  id: string;
  status: "requested" | "confirmed" | "rejected" | "received" | "withdrawn";
  quantity: number;
  neededBy: string;
  confirmedQuantity: number | null;
  promisedDate: string | null;
  rejectReason: string | null;
  flagged: boolean;
  version: number;
  createdAt: string;
  manufacturer: { id: string; name: string };
  part: { partNumber: string; name: string; unit: string };
  order: { number: string };
};

export type PartsRequestPage = { requests: PartsRequestRow[]; nextCursor: string | null; manufacturers: Array<{ id: string; name: string }> };

export type PartsRequestFilters = { status: string; manufacturerId: string; part: string; neededFrom: string; neededTo: string };

export function filterQuery(filters: PartsRequestFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params.toString();
}
