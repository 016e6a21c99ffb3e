// Files of the analytics pages that come straight from npm packages, unchanged:
// - the country-level IP database (CC BY 4.0, NRO) into the jar's classpath, not its public files:
//   the app reads it at start-up so a one-command start shows countries out of the box;
// - ApexCharts 4.7.0 (the last MIT release) and jsvectormap 1.7.0 with its world map, served as
//   static files the Analytics page loads (no Vaadin re-bundle, ADR 0005).
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('target/classes/vidcastx-geoip', { recursive: true });
copyFileSync('node_modules/@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb',
  'target/classes/vidcastx-geoip/country.mmdb');
const web = 'target/classes/META-INF/resources/vidcastx/';
mkdirSync(web, { recursive: true });
for (const [from, to] of [
  ['apexcharts/dist/apexcharts.min.js', 'apexcharts.min.js'],
  ['jsvectormap/dist/jsvectormap.min.js', 'jsvectormap.min.js'],
  ['jsvectormap/dist/jsvectormap.min.css', 'jsvectormap.min.css'],
  ['jsvectormap/dist/maps/world.js', 'jsvectormap-world.js'],
]) {
  copyFileSync(`node_modules/${from}`, web + to);
}
