// How the adapter runs a batch against Excel: Excel.run, or a stand-in in tests.
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
