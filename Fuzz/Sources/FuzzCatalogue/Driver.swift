import CFuzzDriver

// The same in every harness but for the entry point's name: SwiftPM links `main` to
// `FuzzCatalogue_main`, which hands libFuzzer the harness (see Fuzz/README.md).

@_cdecl("FuzzCatalogue_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // The result is used, or the optimiser could drop the work and leave no coverage.
    if fuzzOne(bytes) == Int.min { print("unreachable") }
    return 0
}
