/** A part the seed creates for an example product (the parts catalogue lives in the database). */
export interface PartSpec {
  partNumber: string;
  name: string;
  unit: "pcs" | "m" | "kg" | "l" | "spool";
}
