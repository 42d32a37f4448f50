/// One input: see `FuzzEntry.catalogue`.
func fuzzOne(_ bytes: [UInt8]) -> Int { FuzzEntry.catalogue(bytes) }
