// The pane's bundle maps `lodash` to this file (webpack.config.js): docxtemplater's inspect
// module takes only merge and cloneDeep from it, so the documents chunk carries these two
// instead of all of lodash. The CLI (Node) loads the real lodash package.
"use strict";
module.exports = { merge: require("lodash/merge"), cloneDeep: require("lodash/cloneDeep") };
