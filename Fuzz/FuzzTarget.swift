import ReportKit

/// libFuzzer calls this with each generated input. Built with `-sanitize=fuzzer,address` by
/// `make fuzz`; libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzEntry.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
