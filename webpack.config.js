// Three bundles: the taskpane (React + Fluent UI, views loaded on demand), the web app at / (role
// pages loaded on demand) and the ribbon's function file (commands). `npm run build` (production)
// also writes dist/manifest.xml with every URL rewritten to ADDIN_ORIGIN (default
// https://localhost:3000, the dev origin).
'use strict';
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_ORIGIN, rewriteManifestOrigin } = require('./scripts/manifest-origin.js');
const { deploymentNames, rewriteManifestNames } = require('./scripts/deployment-names.js');

const officeJsDir = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/**
 * The parts of office.js that a fully offline taskpane needs (taskpane.html falls back to them
 * when the CDN cannot be reached): the loader, the files it fetches lazily for the Excel and Word
 * hosts (every platform), the host/version mapping table, and the Vietnamese and English strings.
 * Debug builds and other hosts (Outlook, PowerPoint, OneNote, Project, Access) are left out.
 */
const officeJsFiles = [
  'office.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  '{excel,word}*.js',
  '{en-us,vi-vn}/office_strings.js',
];

/**
 * Writes build-info.json (mode, origin, time) beside the bundles: scripts/start.mjs compares its
 * time with the sources' to decide whether dist/ is stale.
 */
class BuildInfoPlugin {
  constructor(info) {
    this.info = info;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BuildInfoPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BuildInfoPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const json = JSON.stringify({ ...this.info, builtAt: new Date().toISOString() }, null, 2);
        compilation.emitAsset('build-info.json', new compiler.webpack.sources.RawSource(`${json}\n`));
      });
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  const origin = process.env.ADDIN_ORIGIN || DEV_ORIGIN;
  // PROVINCE_NAME / ADDIN_NAME: the deployment names the add-in; nothing in the source names a province.
  const names = deploymentNames(process.env);
  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the server's Content-Security-Policy has no 'unsafe-eval'.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // The web app at / (everyone without the add-in); its role pages are lazy chunks.
      web: './src/web/index.tsx',
      commands: './src/commands/commands.ts',
      // The Microsoft sign-in dialog's page (Office dialog fallback, docs/office-support.md).
      'auth-dialog': './src/office/auth-dialog/page.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked once by `npm run typecheck`; ES modules let webpack tree-shake.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false } },
          },
        },
      ],
    },
    optimization: {
      // Each page's first-load library code (React, Fluent UI) goes to its own long-cached vendor
      // chunk – one for the taskpane, one for the web app, so neither carries what only the other
      // shows on first load; code only the lazy views use stays in async chunks.
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: (chunk) => chunk.name === 'taskpane', priority: 10 },
          webVendor: { test: /[\\/]node_modules[\\/]/, name: 'web-vendor', chunks: (chunk) => chunk.name === 'web', priority: 10 },
        },
      },
    },
    performance: { hints: false }, // the budget is enforced by scripts/check-bundle-size.mjs
    plugins: [
      new webpack.DefinePlugin({ __DEPLOYMENT__: JSON.stringify({ provinceName: names.provinceName, addinName: names.addinName }) }),
      new BuildInfoPlugin({ mode: production ? 'production' : 'development', origin: production ? origin : DEV_ORIGIN }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        title: names.addinName,
        chunks: ['taskpane'],
        // Not injected: assets/old-engine.js loads the bundles (named in its data-bundle) only on an
        // engine that can run them, and explains the web app on Internet Explorer / EdgeHTML.
        inject: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'auth-dialog.html',
        template: './src/office/auth-dialog/auth-dialog.html',
        chunks: ['auth-dialog'],
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/web/index.html',
        chunks: ['web'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', info: { minimized: true } },
          { from: 'src/taskpane/office-fallback.js', to: 'assets/office-fallback.js' },
          { from: 'src/taskpane/old-engine.js', to: 'assets/old-engine.js' },
          ...officeJsFiles.map((file) => ({
            from: file,
            context: officeJsDir,
            globOptions: { ignore: ['**/*.debug.js'] },
            to: 'assets/office-js/',
            info: { minimized: true }, // already minified by Microsoft: Terser must not redo 12 MB
          })),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => {
              const xml = rewriteManifestNames(content.toString('utf8'), names);
              return production ? rewriteManifestOrigin(xml, origin) : xml;
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      port: Number(process.env.PORT) || 3000,
      server: 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};
