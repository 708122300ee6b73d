// ESLint flat config. It lives in a dotfile so that the repository's top level stays as agreed;
// `npm run lint` passes it with --config.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The layers of src/, lowest first. A folder may import folders of lower layers only: never one
 * of its own layer or above, so no two folders can import each other, directly or around a ring.
 * The root files (main, server, config, http) and scripts/ sit on top. README, Architecture.
 */
const LAYERS = [
  ["db"],
  ["graphql"],
  ["core"],
  ["access", "events", "shared"],
  ["parks", "capabilities", "companies"],
  ["auth", "offers"],
  ["capacity"],
  ["engineers", "matching"],
  ["orders"],
  ["bids"],
  ["contracts", "reports", "questions"],
  ["awards", "notifications", "documents"],
  ["chains"],
  ["api"],
  ["seed"],
];

const layerRules = LAYERS.flatMap((layer, level) =>
  layer.map((folder) => {
    const above = LAYERS.slice(level).flat().filter((other) => other !== folder);
    return {
      files: [`src/${folder}/**/*.ts`],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                group: [...above.map((other) => `**/${other}/*`), "../main", "../server", "../config", "../http", "../websocket", "../uploads"],
                message: `src/${folder} may import only lower layers (${LAYERS.slice(0, level).flat().join(", ") || "none"}); see LAYERS in .eslint.config.mjs.`,
              },
            ],
          },
        ],
      },
    };
  }),
);

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "data/**", "migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Type-aware rules, for promises: every service and repository is async, and a promise left
    // floating runs its statements outside the transaction that created it (src/db/store.ts).
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  ...layerRules,
  {
    // Tests read GraphQL responses, whose JSON shape the queries themselves define.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
