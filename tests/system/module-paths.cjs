// Maps the workspace's library aliases (tsconfig.base.json paths) for Jest.
const { paths } = require('../../tsconfig.base.json').compilerOptions;
const { resolve } = require('path');

module.exports = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, resolve(__dirname, '../..', target)]),
);
