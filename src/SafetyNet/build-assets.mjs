// Compiles the design systems' Sass with our settings and copies their fonts-free assets and scripts
// into wwwroot, so that the pages need nothing from the internet.
import * as sass from "sass";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";

const root = new URL(".", import.meta.url).pathname;
const css = sass.compile(`${root}Styles/app.scss`, {
  loadPaths: [root],
  style: "compressed",
  quietDeps: true,
  logger: sass.Logger.silent,
});
mkdirSync(`${root}wwwroot/css`, { recursive: true });
writeFileSync(`${root}wwwroot/css/app.css`, css.css);

const govuk = `${root}node_modules/govuk-frontend/dist/govuk`;
const moj = `${root}node_modules/@ministryofjustice/frontend/moj`;
cpSync(`${govuk}/assets/images`, `${root}wwwroot/assets/images`, { recursive: true });
cpSync(`${govuk}/assets/manifest.json`, `${root}wwwroot/assets/manifest.json`);
cpSync(`${moj}/assets/images`, `${root}wwwroot/assets/images`, { recursive: true });
mkdirSync(`${root}wwwroot/js/vendor`, { recursive: true });
cpSync(`${govuk}/govuk-frontend.min.js`, `${root}wwwroot/js/vendor/govuk-frontend.min.js`);
cpSync(`${moj}/moj-frontend.min.js`, `${root}wwwroot/js/vendor/moj-frontend.min.js`);
// Leaflet for maps that must work on a closed network: no tiles needed to show cells and points.
const leaflet = `${root}node_modules/leaflet/dist`;
mkdirSync(`${root}wwwroot/js/vendor/leaflet`, { recursive: true });
cpSync(`${leaflet}/leaflet.js`, `${root}wwwroot/js/vendor/leaflet/leaflet.js`);
cpSync(`${leaflet}/leaflet.css`, `${root}wwwroot/js/vendor/leaflet/leaflet.css`);
cpSync(`${leaflet}/images`, `${root}wwwroot/js/vendor/leaflet/images`, { recursive: true });
console.log("front-end assets built");
