// Every test runs in Vietnam's time zone (exceljs dates are UTC; "today" is local),
// also when jest is started without `npm test`.
process.env.TZ = "Asia/Ho_Chi_Minh";

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "CommonJS", isolatedModules: true } }],
  },
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
};
