export * from "./handshake";
export * from "./error-codes";
export * from "./birth";
export * from "./queue";
export * from "./command";
export * from "./event";
export * from "./limits";
export * from "./message-budget";
