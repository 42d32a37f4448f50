// The package root, the bundled data (`Bundled`), the built `iki` (`Iki.locate`) and temporary
// folders, shared with the other test targets, for every file of this one.
@_exported import TestSupport
