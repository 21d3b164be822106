// Writes src/generated/<service>.ts, the types of each service's API, from docs/openapi/<service>.json:
// the documents the services' tests check against what each service publishes.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const docs = path.resolve(here, "../../../docs/openapi");
const out = path.resolve(here, "../src/generated");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const files = fs.readdirSync(docs).filter((f) => f.endsWith(".json")).sort();
if (files.length === 0) {
  throw new Error(`no OpenAPI documents in ${docs}`);
}
for (const file of files) {
  const ast = await openapiTS(pathToFileURL(path.join(docs, file)), { alphabetize: true });
  const header = `// Generated from docs/openapi/${file} by scripts/generate.mjs: do not edit.\n`;
  fs.writeFileSync(path.join(out, file.replace(/\.json$/, ".ts")), header + astToString(ast));
  console.log(`src/generated/${file.replace(/\.json$/, ".ts")}`);
}
