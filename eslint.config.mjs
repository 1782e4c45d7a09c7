// ESLint: typescript-eslint's recommended type-checked rules over the TypeScript sources, and
// Microsoft's Office.js rules (eslint-plugin-office-addins) over the code that talks to
// Excel. Formatting is Prettier's job (`npm run prettier`), so eslint-config-prettier turns
// the style rules off.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["build/", "dist/", "coverage/", "node_modules/", "test-output/", "chuyende-demo/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Custom functions: custom-functions-metadata reads the TypeScript signatures, and
    // `any` is how it declares an "any" parameter or result (unknown is not supported);
    // the functions look unused because the plugin appends their CustomFunctions.associate
    // calls to the bundle; Excel expects a CustomFunctions.Error to be thrown; Excel's event
    // handlers must return a promise even when they await nothing.
    files: ["src/functions/functions.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unused-vars": "off",
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // The file host implements the async WorkbookSession from memory; keeping its methods
    // async keeps its refusals as rejections, as Excel's are.
    files: ["src/file/fileHost.ts"],
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    files: ["src/excel/**/*.ts", "src/functions/**/*.ts", "src/taskpane/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // The readers queue loads and hand back a closure that reads them only after the
    // caller's context.sync() (one sync for many sheets); the rules cannot see across it.
    files: ["src/excel/read.ts"],
    rules: { "office-addins/call-sync-after-load": "off", "office-addins/call-sync-before-read": "off" },
  },
  prettier,
);
