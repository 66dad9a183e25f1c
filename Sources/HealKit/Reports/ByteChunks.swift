/// Byte strings stored back to back in 1 MiB chunks, each as its length (LEB128) and its bytes,
/// found again by a 32-bit position (chunk number above 20 bits of offset). Chunks are never
/// copied as more are added; a string longer than a chunk gets a chunk of its own.
struct ByteChunks: Sendable {
    private static let offsetBits = 20
    private static let chunkSize = 1 << offsetBits
    /// 4,096 chunks: 4 GiB of test ids.
    private static let maximumChunks = 1 << (32 - offsetBits)
    private var chunks: [[UInt8]] = []

    /// Stores `bytes` and returns their position; nil when the 4 GiB are used up.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
        var length = bytes.count
        var header = 1
        while length >= 0x80 { length >>= 7; header += 1 }
        let needed = header + bytes.count
        if chunks.isEmpty || chunks[chunks.count - 1].count + needed > Self.chunkSize {
            guard chunks.count < Self.maximumChunks else { return nil }
            var chunk: [UInt8] = []
            chunk.reserveCapacity(max(Self.chunkSize, needed))
            chunks.append(chunk)
        }
        let last = chunks.count - 1
        let position = UInt32(last << Self.offsetBits | chunks[last].count)
        length = bytes.count
        while length >= 0x80 {
            chunks[last].append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        chunks[last].append(UInt8(length))
        chunks[last].append(contentsOf: bytes)
        return position
    }

    /// Calls `body` with the bytes stored at `position`.
    func withBytes<Result>(at position: UInt32, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        chunks[Int(position >> UInt32(Self.offsetBits))].withUnsafeBytes { chunk in
            var index = Int(position & UInt32(Self.chunkSize - 1))
            var length = 0, shift = 0
            while true {
                let byte = chunk[index]
                index += 1
                length |= Int(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return body(UnsafeRawBufferPointer(rebasing: chunk[index..<index + length]))
        }
    }
}
