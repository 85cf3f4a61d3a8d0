// Small waits the scenarios share.
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
