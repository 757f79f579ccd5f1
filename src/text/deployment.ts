// The deployment's names, never one province's literal: PROVINCE_NAME ("tỉnh Nghệ An") and
// ADDIN_NAME (the add-in's display name). The taskpane gets them from the build (webpack defines
// __DEPLOYMENT__ from scripts/deployment-names.js); the server reads the environment once, at start,
// with the same defaults.

declare const __DEPLOYMENT__: { readonly provinceName: string; readonly addinName: string } | undefined;

/** @example deploymentNames({ PROVINCE_NAME: 'tỉnh Nghệ An' }).addinName === 'Báo cáo chuyển đổi số tỉnh Nghệ An' */
export function deploymentNames(env: Readonly<Record<string, string | undefined>>): { provinceName: string; addinName: string } {
  const provinceName = (env.PROVINCE_NAME ?? '').trim();
  const addinName = (env.ADDIN_NAME ?? '').trim() || (provinceName ? `Báo cáo chuyển đổi số ${provinceName}` : 'Báo cáo chuyển đổi số');
  return { provinceName, addinName };
}

const names =
  typeof __DEPLOYMENT__ !== 'undefined' ? __DEPLOYMENT__ : deploymentNames(typeof process !== 'undefined' ? process.env : {});

/** "tỉnh Nghệ An", or "" where the deployment does not say. */
export const PROVINCE_NAME = names.provinceName;
/** What the add-in is called in Office, in the taskpane's header and in the files the server makes. */
export const ADDIN_NAME = names.addinName;
