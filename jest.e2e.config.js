// The browser e2e (test/e2e): run by `npm run test:e2e` after a build; `npm test` skips it.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/e2e"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 180000,
  maxWorkers: 1,
};
