import { describe, expect, it } from "vitest";
import { SignInSchema, SignUpSchema, NewPasswordSchema } from "./account-schemas";

describe("account schemas", () => {
  it("normalizes the email on sign-in", () => {
    expect(SignInSchema.parse({ email: "  Planner@Tailorline.TEST ", password: "x" }).email).toBe("planner@tailorline.test");
  });
  it("names the field of a bad email", () => {
    const result = SignInSchema.safeParse({ email: "not-an-email", password: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["email"]);
  });
  it("accepts the demo password and refuses short, repetitive and common ones", () => {
    expect(NewPasswordSchema.safeParse("tailorline").success).toBe(true);
    expect(NewPasswordSchema.safeParse("short").success).toBe(false);
    expect(NewPasswordSchema.safeParse("aaaaaaaaaaaa").success).toBe(false);
    expect(NewPasswordSchema.safeParse("1234567890").success).toBe(false);
  });
  it("refuses a password containing the email name", () => {
    const result = SignUpSchema.safeParse({ name: "Ada", email: "lovelace@example.com", password: "lovelace-rocks-1" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["password"]);
  });
  it("refuses markup in a name", () => {
    expect(SignUpSchema.safeParse({ name: "<script>", email: "a@example.com", password: "correct horse battery" }).success).toBe(false);
  });
});
