import { z } from "zod";
import { InstanceSchema } from "./instance-schema";
import { ScheduleSchema } from "./schedule-schema";

/** A published plan: the instance it was made for and its schedule (the input of repair and insertion). */
export const PlanSchema = z.object({
  version: z.literal(1),
  instance: InstanceSchema,
  schedule: ScheduleSchema,
});
export type Plan = z.infer<typeof PlanSchema>;
