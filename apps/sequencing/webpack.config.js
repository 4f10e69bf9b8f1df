module.exports = require('../../tools/build/service-webpack')(__dirname, 'sequencing', [
  // The plan search runs on a worker thread (src/app/planning/solver-thread.ts).
  { entryName: 'solver-worker', entryPath: './src/app/planning/solver-worker.ts' },
]);
