export * from "./parks";
export * from "./companies";
export * from "./engineers";
export * from "./capabilities";
export * from "./capability-offers";
export * from "./api-tokens";
