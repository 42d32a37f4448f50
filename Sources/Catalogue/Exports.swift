// Everything that uses the catalogue uses Base too (diagnostics, periods, CSV): re-exported so a
// stage imports the one module it is about.
@_exported import Base
