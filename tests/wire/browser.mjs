// The browser side of tests/tests/wire.rs: headless Chromium (Debian's, driven by
// playwright-core, which downloads no browser) loads the page the Rust test serves and reports
// what the page shows.
//
//   node browser.mjs <page-url>
import { chromium } from "playwright-core";

const [url] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector("#done", { state: "attached", timeout: 20000 });
  const shown = {
    name: await page.textContent("#name"),
    reason: await page.textContent("#reason"),
    action: await page.textContent("#action"),
    closes: JSON.parse((await page.textContent("#closes")) ?? "null"),
    errors,
  };
  console.log(JSON.stringify(shown));
} finally {
  await browser.close();
}
