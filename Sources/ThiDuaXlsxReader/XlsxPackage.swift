import CLibZip
import ThiDuaKit

#if canImport(Glibc)
import Glibc
#endif

/// The zip container of a workbook, read from memory through libzip. Nothing is ever
/// written to disk, so an entry named `../../etc/passwd` is only a name: parts are looked
/// up by the names the workbook's relationships resolve to.
///
/// Every part is inflated in chunks straight into the XML parser, counted against the
/// limits (size per part, in all, and inflated/compressed ratio) as it comes, so neither a
/// lying header nor a zip bomb can make it allocate more than one chunk.
final class XlsxPackage {
    private let archive: OpaquePointer
    private let buffer: UnsafeMutableRawBufferPointer
    fileprivate let file: String
    fileprivate let limits: XlsxReadLimits
    fileprivate var inflatedTotal: Int64 = 0
    /// The size of the whole file, against which all parts read are held to the ratio.
    fileprivate let packageBytes: Int64

    /// Opens the zip; throws a diagnostic when it is not one or is damaged.
    init(bytes: [UInt8], file: String, limits: XlsxReadLimits) throws {
        self.file = file
        self.limits = limits
        self.packageBytes = Int64(bytes.count)
        // libzip reads the buffer for the archive's lifetime: a copy it does not own.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.baseAddress?.copyMemory(from: base, byteCount: source.count) }
        }
        self.buffer = buffer
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            buffer.deallocate()
            throw XlsxReadError.damaged(file: file, part: nil)
        }
        // ZIP_CHECKCONS: the central directory must agree with the local headers.
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            buffer.deallocate()
            throw XlsxReadError.damaged(file: file, part: nil)
        }
        // Counted before `archive` is stored: once every property is set, a throw runs
        // `deinit`, which would discard the archive and free the buffer a second time.
        let entries = zip_get_num_entries(archive, 0)
        guard entries >= 0, entries <= limits.maxEntries else {
            zip_discard(archive)
            buffer.deallocate()
            throw XlsxReadError.tooManyEntries(file: file, count: Int(max(entries, 0)))
        }
        self.archive = archive
    }

    deinit {
        zip_discard(archive)
        buffer.deallocate()
    }

    /// True when the zip holds a part of that name.
    func contains(_ name: String) -> Bool {
        zip_name_locate(archive, name, 0) >= 0
    }

    /// The whole (small) part as bytes, at most `cap` of them; nil when absent.
    func bytes(of name: String, cap: Int) throws -> [UInt8]? {
        guard contains(name) else { return nil }
        var result: [UInt8] = []
        try stream(name) { chunk in
            guard result.count + chunk.count <= cap else { return false }
            result.append(contentsOf: chunk)
            return true
        }
        return result
    }

    /// Inflates part `name` chunk by chunk into `consume`, which returns false to stop
    /// (its own limit). Throws a diagnostic for a damaged, encrypted or oversized part.
    func stream(_ name: String, _ consume: (UnsafeRawBufferPointer) -> Bool) throws {
        let part = try open(name)
        while let chunk = try part.nextChunk() {
            if !consume(chunk) { return }
        }
    }

    /// Opens part `name` for reading chunk by chunk (`Part.nextChunk`), or piece by piece
    /// into a reader's buffer (`Part.read`, libxml2 pulling). Throws a diagnostic for a
    /// missing, damaged, encrypted or (by its header) oversized part.
    func open(_ name: String) throws -> Part {
        let index = zip_name_locate(archive, name, 0)
        guard index >= 0 else { throw XlsxReadError.missingPart(file: file, part: name) }
        var info = zip_stat_t()
        zip_stat_init(&info)
        guard zip_stat_index(archive, zip_uint64_t(index), 0, &info) == 0 else {
            throw XlsxReadError.damaged(file: file, part: name)
        }
        if info.valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD) != 0, info.encryption_method != UInt16(ZIP_EM_NONE) {
            throw XlsxReadError.encrypted(file: file)
        }
        let declared = Int64(clamping: info.size), compressed = Int64(clamping: info.comp_size)
        try check(inflated: declared, compressed: compressed, part: name)

        guard let handle = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
            throw XlsxReadError.damaged(file: file, part: name)
        }
        return Part(package: self, name: name, handle: handle, compressed: compressed)
    }

    /// One part being inflated: 256 KB at a time, each chunk counted against the limits
    /// (size per part, in all, ratio) before anything reads it, however it is then read.
    final class Part {
        private let package: XlsxPackage
        private let name: String
        private let handle: OpaquePointer
        private let compressed: Int64
        private var inflated: Int64 = 0
        static let chunkSize = 256 * 1024
        private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Part.chunkSize, alignment: 16)
        /// What of the last chunk `read` has not handed out yet.
        private var filler = ChunkFiller()

        fileprivate init(package: XlsxPackage, name: String, handle: OpaquePointer, compressed: Int64) {
            self.package = package
            self.name = name
            self.handle = handle
            self.compressed = compressed
        }

        deinit {
            zip_fclose(handle)
            chunk.deallocate()
        }

        /// True when the part is large enough to be inflated on a thread of its own while
        /// it is parsed (`XlsxInflateAhead`): a big sheet, not the small parts around it.
        var isLarge: Bool { compressed >= package.limits.inflateAheadBytes }

        /// The next inflated chunk (valid until the next call), nil at the end.
        func nextChunk() throws -> UnsafeRawBufferPointer? {
            let count = try inflate(into: chunk)
            return count == 0 ? nil : UnsafeRawBufferPointer(rebasing: chunk[..<count])
        }

        /// Inflates the next chunk into `buffer` (of `chunkSize` bytes) and holds it to the
        /// limits: its length, 0 at the end.
        func inflate(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let count = try inflateUncounted(into: buffer)
            try account(count)
            return count
        }

        /// Inflates the next chunk without counting it: `XlsxInflateAhead`'s thread does
        /// this, and the parsing thread counts each chunk (`account(_:)`) when it takes it,
        /// so chunks inflated ahead and never read count for nothing.
        func inflateUncounted(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let count = zip_fread(handle, buffer.baseAddress, zip_uint64_t(min(buffer.count, Part.chunkSize)))
            if count < 0 { throw XlsxReadError.damaged(file: package.file, part: name) }
            return Int(count)
        }

        /// Counts `bytes` more inflated bytes of this part against the limits.
        func account(_ bytes: Int) throws {
            guard bytes > 0 else { return }
            inflated += Int64(bytes)
            package.inflatedTotal += Int64(bytes)
            // The header may lie: the count of bytes actually produced is what is held
            // to the limits.
            try package.check(inflated: inflated, compressed: compressed, part: name)
        }

        /// Copies `count` inflated bytes into `buffer` (fewer only at the end, 0 there),
        /// from the chunks `nextChunk` gives, so the limits are met at the same bytes.
        func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
            try filler.fill(buffer, count) { try nextChunk() }
        }
    }

    fileprivate func check(inflated: Int64, compressed: Int64, part: String) throws {
        let overRatio = inflated > limits.ratioFloor && inflated / max(compressed, 1) > limits.maxRatio
        if inflated > limits.maxPartBytes || inflatedTotal > limits.maxTotalBytes || overRatio {
            throw XlsxReadError.zipBomb(file: file, part: part, inflated: inflated, compressed: compressed)
        }
        // Parts each under the floor, read again and again (256 sheets naming one part of
        // 15 MB: 3.8 GB parsed from a 35 KB file), are held to the ratio all together.
        if inflatedTotal > limits.totalRatioFloor && inflatedTotal / max(packageBytes, 1) > limits.maxRatio {
            throw XlsxReadError.zipBomb(file: file, part: nil, inflated: inflatedTotal, compressed: packageBytes)
        }
    }
}
