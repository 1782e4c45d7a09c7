/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "CommonJS" }, isolatedModules: true }],
  },
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
};
