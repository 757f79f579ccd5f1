// The deployment's names: the province (PROVINCE_NAME, e.g. "tỉnh Nghệ An", "thành phố Cần Thơ")
// and the add-in's display name (ADDIN_NAME). Nothing in the product names one province: the build
// writes these into dist/manifest.xml and the taskpane; the server reads the same variables
// (src/text/deployment.ts, which must give the same names – tests/deployment checks it).
// CommonJS so that webpack.config.js can require it.
'use strict';

const GENERIC_PROVINCE_WORDS = 'Sở Khoa học và Công nghệ';

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ provinceName: string, addinName: string, providerName: string }}
 * @example deploymentNames({ PROVINCE_NAME: 'tỉnh Nghệ An' }).addinName === 'Báo cáo chuyển đổi số tỉnh Nghệ An'
 */
function deploymentNames(env) {
  const provinceName = (env.PROVINCE_NAME || '').trim();
  const addinName = (env.ADDIN_NAME || '').trim() || (provinceName ? `Báo cáo chuyển đổi số ${provinceName}` : 'Báo cáo chuyển đổi số');
  const providerName = provinceName ? `${GENERIC_PROVINCE_WORDS} ${provinceName}` : GENERIC_PROVINCE_WORDS;
  return { provinceName, addinName, providerName };
}

const xmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Writes the names into the checked-in manifest.xml (which carries the generic ones).
 * @param {string} xml
 * @param {{ addinName: string, providerName: string }} names
 * @returns {string}
 */
function rewriteManifestNames(xml, names) {
  return xml
    .replace(/<ProviderName>[^<]*<\/ProviderName>/, `<ProviderName>${xmlText(names.providerName)}</ProviderName>`)
    .replace(/<DisplayName DefaultValue="[^"]*"\/>/, `<DisplayName DefaultValue="${xmlAttr(names.addinName)}"/>`)
    .replace(/(<bt:String id="GetStarted.Title" DefaultValue=")[^"]*("\/>)/, `$1${xmlAttr(`${names.addinName} đã sẵn sàng`)}$2`);
}

module.exports = { deploymentNames, rewriteManifestNames };
