/* The index's files, each loaded once: the loader both clients share (hub-index.js for the
 * search page, hub-suggest.js for the suggestions in every search box).
 *
 * Each file of the index is a script that hands over its data as it runs, by calling
 * add(name, data) (search/README.md, "Index format"). `fetchFile(path)` loads one file (a
 * <script> element in the browser, a file read in the Node tests) and resolves once it has
 * run. A file asked for twice is fetched once; a file that failed can be asked for again.
 *
 * In the browser it is part of both assets/search/hub-search.js and hub-suggest.js and sets
 * window.hubParts.files; in Node, require() returns the same factory.
 */
(function (part) {
  if (typeof module === "object" && module.exports) module.exports = part;
  else (window.hubParts = window.hubParts || {}).files = part;
})(function (fetchFile) {
  "use strict";

  var arrived = {}; // name -> data, filled by the files themselves (add)
  var waiting = {}; // name -> promise

  return {
    add: function (name, data) { arrived[name] = data; },
    /* A file's data once it has arrived, or undefined. */
    loaded: function (name) { return arrived[name]; },
    /* The data of the file `name`, fetched from `path` (relative to the index folder) the first time. */
    load: function (name, path) {
      if (arrived[name]) return Promise.resolve(arrived[name]);
      if (!waiting[name]) {
        waiting[name] = fetchFile(path).then(function () {
          if (!arrived[name]) throw new Error("could not load " + name);
          return arrived[name];
        }, function (e) {
          delete waiting[name];
          throw e;
        });
      }
      return waiting[name];
    }
  };
});
