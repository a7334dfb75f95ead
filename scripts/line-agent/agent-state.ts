import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { LineQueueSchema, type LineQueue } from "../../lib/core/line-protocol";
import { syncDirectory } from "./event-store";

const StateSchema = z.object({ session: z.number().int().min(0), lastSeq: z.number().int().min(0) });
export type AgentState = z.infer<typeof StateSchema>;

/** Durable small files of one agent: its session counter and seq high-water mark, and its last queue. */
export class AgentStateFiles {
  constructor(readonly directory: string) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
  }

  get eventsFile(): string {
    return path.join(this.directory, "events.jsonl");
  }

  readState(): AgentState {
    return readJson(path.join(this.directory, "state.json"), StateSchema) ?? { session: 0, lastSeq: 0 };
  }

  writeState(state: AgentState): void {
    writeDurably(path.join(this.directory, "state.json"), JSON.stringify(state));
  }

  readQueue(): LineQueue | null {
    return readJson(path.join(this.directory, "queue.json"), LineQueueSchema);
  }

  writeQueue(queue: LineQueue): void {
    writeDurably(path.join(this.directory, "queue.json"), JSON.stringify(queue));
  }
}

function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeDurably(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, text, { encoding: "utf8", mode: 0o600 });
  const fd = openSync(temporary, "r+");
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temporary, file);
  syncDirectory(path.dirname(file));
}
