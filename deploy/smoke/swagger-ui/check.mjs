// Swagger UI through the gateway, as a person uses it, in headless Chromium (Debian's chromium package):
// for every service document, the title and the capability tags are shown (a screenshot of each is kept);
// then Authorize with a token and "Try it out" on one operation per document must answer 200.
//
//   deploy/suite up && (cd deploy/smoke/swagger-ui && npm ci && npm run check)
//
// Environment: GATEWAY_URL (http://localhost:8080), CHROMIUM (/usr/bin/chromium), SHOTS (where the
// screenshots go; default deploy/local/.run/screenshots), TOKEN (default: an ADMIN token from deploy/suite).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const gateway = process.env.GATEWAY_URL ?? "http://localhost:8080";
const shots = process.env.SHOTS ?? path.join(root, "deploy/local/.run/screenshots");
const token = process.env.TOKEN
  ?? execFileSync(path.join(root, "deploy/suite"), ["token", "--subject", "swagger-admin", "--role", "ADMIN"]).toString().trim();

// per document (the names of the gateway's springdoc.swagger-ui.urls): the title it must show, and a GET
// without required parameters to try out (its operationId)
const documents = {
  directory: { title: "Directory API", tryOut: "searchPeople" },
  catalog: { title: "Catalog API", tryOut: "searchAllPrograms" },
  "learning-plans": { title: "Learning plans API", tryOut: "listLearningPlans" },
  "training-passes": { title: "Training passes API", tryOut: "listPassTypes" },
  notifications: { title: "Notifications API", tryOut: "listTemplates" },
  reports: { title: "Reports API", tryOut: "getPassReport" },
};

fs.mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
  await page.goto(`${gateway}/swagger-ui.html`);
  await page.waitForSelector("select#select, .topbar select", { timeout: 30000 });
  const select = page.locator(".topbar select");
  const offered = await select.locator("option").allTextContents();
  for (const [name, expected] of Object.entries(documents)) {
    const result = [];
    try {
      if (!offered.includes(name)) throw new Error(`not offered in the definition list (${offered.join(", ")})`);
      await select.selectOption({ label: name });
      await page.waitForFunction((t) => document.querySelector(".info .title")?.textContent?.includes(t),
        expected.title, { timeout: 30000 });
      const tags = await page.locator("h3.opblock-tag").evaluateAll((hs) => hs.map((h) => h.getAttribute("data-tag")));
      const described = await page.locator(".opblock-tag-section h3.opblock-tag small").count();
      if (tags.length === 0 || tags.some((t) => /-controller$/.test(t ?? ""))) throw new Error(`tags ${tags}`);
      if (described < tags.length) throw new Error(`${tags.length - described} tags without a description`);
      result.push(`"${expected.title}", tags: ${tags.join(", ")}`);
      await page.screenshot({ path: path.join(shots, `swagger-${name}.png`), fullPage: false });

      // Authorize: the bearer scheme's dialog
      await page.locator(".auth-wrapper .btn.authorize").click();
      const dialog = page.locator(".modal-ux");
      const logout = dialog.locator("button.auth", { hasText: "Logout" });
      if (await logout.count()) await logout.click();
      await dialog.locator("input").first().fill(token);
      await dialog.locator("button.authorize", { hasText: "Authorize" }).click();
      await dialog.locator("button.btn-done, button.close-modal").first().click();

      // Try it out on one operation, and execute it
      const op = page.locator(`[id^="operations-"][id$="-${expected.tryOut}"]`);
      if (await op.count() !== 1) throw new Error(`operation ${expected.tryOut} not found`);
      await op.locator(".opblock-summary").click();
      await op.locator("button.try-out__btn").click();
      await op.locator("button.execute").click();
      const status = op.locator(".live-responses-table tr.response .response-col_status").first();
      await status.waitFor({ timeout: 30000 });
      const code = (await status.textContent())?.trim();
      await op.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `swagger-${name}-try-it-out.png`), fullPage: false });
      if (code !== "200") throw new Error(`Try it out on ${expected.tryOut} answered ${code}`);
      result.push(`Authorize + Try it out ${expected.tryOut}: ${code}`);
      console.log(`OK   ${name}: ${result.join("; ")}`);
    } catch (e) {
      failures++;
      await page.screenshot({ path: path.join(shots, `swagger-${name}-failed.png`) }).catch(() => {});
      console.log(`FAIL ${name}: ${e.message}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${shots}`);
process.exit(failures ? 1 : 0);
