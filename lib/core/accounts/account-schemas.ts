import { z } from "zod";
import { RoleSchema } from "../policy/actor";

export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

/** Sign-in takes any password string: the policy applies when a password is chosen, not typed. */
export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(256, "That password is too long."),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const PASSWORD_MIN_LENGTH = 10;

/** NIST 800-63B style: length over composition rules; refuse the obvious. */
export const NewPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(128, "Use at most 128 characters.")
  .refine((password) => new Set(password).size >= 4, "Use a less repetitive password.")
  .refine((password) => !/^(0123456789|1234567890|password\d*|qwertyuiop)$/i.test(password), "That password is too common.");

export const PersonNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Names are at most 100 characters.")
  .refine((name) => !/[<>\u0000-\u001f]/.test(name), "Names may not contain < > or control characters.");

export const SignUpSchema = z
  .object({ name: PersonNameSchema, email: EmailSchema, password: NewPasswordSchema })
  .refine((input) => !input.password.toLowerCase().includes(input.email.split("@")[0] ?? "\u0000"), {
    path: ["password"],
    message: "Your password may not contain your email name.",
  });
export type SignUp = z.infer<typeof SignUpSchema>;

/** An admin creating a user of their own organization. */
export const CreateStaffUserSchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  role: RoleSchema.exclude(["consumer"]),
  password: NewPasswordSchema,
});
export type CreateStaffUser = z.infer<typeof CreateStaffUserSchema>;

export const ChangeUserRoleSchema = z.object({
  userId: z.string().min(1).max(64),
  role: RoleSchema.exclude(["consumer"]),
});
export type ChangeUserRole = z.infer<typeof ChangeUserRoleSchema>;

export const SetUserActiveSchema = z.object({
  userId: z.string().min(1).max(64),
  active: z.boolean(),
});
export type SetUserActive = z.infer<typeof SetUserActiveSchema>;

/** PATCH of a staff user: a new role, or (de)activation — one change at a time. */
export const UpdateStaffUserSchema = z.union([
  z.object({ role: RoleSchema.exclude(["consumer"]) }).strict(),
  z.object({ active: z.boolean() }).strict(),
]);
export type UpdateStaffUser = z.infer<typeof UpdateStaffUserSchema>;

export const IdSchema = z.string().min(1, "Missing id.").max(64, "Ids are at most 64 characters.").regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");
