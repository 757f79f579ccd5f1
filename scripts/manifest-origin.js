// The production manifest writer: the checked-in manifest.xml points at the development origin
// (https://localhost:3000); `npm run build` writes dist/manifest.xml pointing at ADDIN_ORIGIN.
// CommonJS so that webpack.config.js can require it and the tests can import it.
'use strict';
const { URL } = require('node:url');

/** The origin every URL in the checked-in manifest.xml uses. */
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Reads an origin such as `https://cds.nghean.gov.vn` (a trailing slash is tolerated).
 * Office only loads add-ins over https, so anything else is refused.
 * @param {string} text
 * @returns {string} the origin, without a trailing slash
 */
function parseOrigin(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_ORIGIN must be an https origin such as https://cds.example.vn, not "${text}"`);
  }
  if (url.protocol !== 'https:' || url.origin !== text.replace(/\/$/, '')) {
    throw new Error(`ADDIN_ORIGIN must be an https origin with no path, query or credentials, not "${text}"`);
  }
  return url.origin;
}

/**
 * Rewrites every URL on the development origin to `origin`, and changes nothing else.
 * @example rewriteManifestOrigin(xml, 'https://cds.nghean.gov.vn')
 * @param {string} xml the checked-in manifest.xml
 * @param {string} origin e.g. process.env.ADDIN_ORIGIN
 * @returns {string}
 */
function rewriteManifestOrigin(xml, origin) {
  const target = parseOrigin(origin);
  // The dev origin must end where a URL's origin ends: at a path, a quote or an element end.
  return xml.replace(/https:\/\/localhost:3000(?=[/"<])/g, target);
}

module.exports = { DEV_ORIGIN, parseOrigin, rewriteManifestOrigin };
