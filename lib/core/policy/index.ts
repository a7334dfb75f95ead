export * from "./actions";
export * from "./actor";
export * from "./decide";
export * from "./rooms";
export * from "./home-path";
