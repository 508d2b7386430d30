// Loads the dashboard in Debian's Chromium and reports how long until it has settled: the document loaded,
// htmx idle and every chart drawn. Usage: node page-settled.mjs URL [runs]
import { chromium } from "playwright-core";

const [url, runs = "5"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() =>
    [...document.querySelectorAll("canvas[data-chart]")].every(c => c.chart && !c.chart.animating) &&
    !document.querySelector(".htmx-request"));
  times.push(Date.now() - start);
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`page settled: median ${times[Math.floor(times.length / 2)]} ms, worst ${times[times.length - 1]} ms over ${times.length} loads`);
