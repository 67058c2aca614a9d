// The API client's types, generated from the services' checked-in OpenAPI documents
// (contracts/openapi/<service>.json) with openapi-typescript; never written by hand.
//
//   node scripts/generate-api.mjs write   regenerate src/api/generated/<service>.ts
//   node scripts/generate-api.mjs check   exit 1 when a checked-in file differs (drift)
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
export const SERVICES = ["personnel", "mutation", "evaluation", "notification"];
export const contractsDir = path.resolve(here, "../../contracts/openapi");
export const generatedDir = path.resolve(here, "../src/api/generated");

/** The TypeScript that the checked-in document of `service` gives. */
export async function generate(service, documentsDir = contractsDir) {
  const document = JSON.parse(await readFile(path.join(documentsDir, `${service}.json`), "utf8"));
  const ast = await openapiTS(document, { alphabetize: true });
  const header =
    `// Generated from contracts/openapi/${service}.json by console/scripts/generate-api.mjs.\n` +
    "// Do not edit: run `npm run generate` in console/ after the document changes.\n";
  return header + astToString(ast);
}

/** Services whose checked-in generated file differs from what their document gives. */
export async function drifted(documentsDir = contractsDir, outDir = generatedDir) {
  const out = [];
  for (const service of SERVICES) {
    const want = await generate(service, documentsDir);
    const have = await readFile(path.join(outDir, `${service}.ts`), "utf8").catch(() => "");
    if (want !== have) out.push(service);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2] ?? "check";
  if (mode === "write") {
    for (const service of SERVICES) {
      await writeFile(path.join(generatedDir, `${service}.ts`), await generate(service));
    }
  } else {
    const bad = await drifted();
    if (bad.length) {
      console.error(`generated API client is stale for: ${bad.join(", ")}; run npm run generate`);
      process.exit(1);
    }
    console.log("generated API client matches contracts/openapi");
  }
}
