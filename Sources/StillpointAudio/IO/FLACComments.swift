internal import CFLAC
import Foundation

/// A FLAC file's VORBIS_COMMENT block, read and rewritten with libFLAC's metadata
/// chain API. libsndfile writes the basic tags while encoding but cannot write
/// arbitrary fields such as chapters, so those are added here after the file is
/// closed.
///
/// The file IO is libFLAC's own (in place when the padding has room, else through
/// its `.metadata_edit` temporary file), not `StillpointFiles`: the renderer calls
/// this on its own temporary file, which `AtomicOutput.commit` then flushes and
/// moves into place, so the rewrite needs no atomicity of its own.
enum FLACComments {
    /// Removes every comment whose name `shouldReplace` accepts, then appends `comments`.
    static func update(
        _ url: URL, replacing shouldReplace: (String) -> Bool, with comments: [(name: String, value: String)]
    ) throws {
        let chain = try MetadataChain(url)
        try chain.withVorbisComment(creating: true) { block in
            var index = Int(block.pointee.data.vorbis_comment.num_comments) - 1
            while index >= 0 {
                let entry = block.pointee.data.vorbis_comment.comments[index]
                if shouldReplace(fieldName(entry)) {
                    FLAC__metadata_object_vorbiscomment_delete_comment(block, UInt32(index))
                }
                index -= 1
            }
            for (name, value) in comments {
                var entry = FLAC__StreamMetadata_VorbisComment_Entry()
                guard FLAC__metadata_object_vorbiscomment_entry_from_name_value_pair(&entry, name, value) != 0,
                      FLAC__metadata_object_vorbiscomment_append_comment(block, entry, 0) != 0
                else {
                    throw AudioFileError(
                        .tag, file: url, reason: "The comment \(name) is not a valid Vorbis comment",
                        call: "FLAC__metadata_object_vorbiscomment_append_comment")
                }
            }
        }
        try chain.write()
    }

    /// Every comment of the file, in order.
    static func read(_ url: URL) throws -> [(name: String, value: String)] {
        let chain = try MetadataChain(url)
        var result: [(name: String, value: String)] = []
        try chain.withVorbisComment(creating: false) { block in
            let comment = block.pointee.data.vorbis_comment
            for index in 0 ..< Int(comment.num_comments) {
                let text = string(comment.comments[index])
                guard let equals = text.firstIndex(of: "=") else { continue }
                result.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            }
        }
        return result
    }

    private static func string(_ entry: FLAC__StreamMetadata_VorbisComment_Entry) -> String {
        guard let bytes = entry.entry else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(entry.length)), as: UTF8.self)
    }

    private static func fieldName(_ entry: FLAC__StreamMetadata_VorbisComment_Entry) -> String {
        let text = string(entry)
        return String(text.prefix { $0 != "=" })
    }
}

/// Owns a `FLAC__Metadata_Chain` read from a file; deleted in `deinit`.
private final class MetadataChain {
    let url: URL
    private let chain: OpaquePointer
    var chainPointer: OpaquePointer { chain }

    init(_ url: URL) throws {
        guard let chain = FLAC__metadata_chain_new() else {
            throw AudioFileError(.tag, file: url, reason: "Out of memory", call: "FLAC__metadata_chain_new")
        }
        self.url = url
        self.chain = chain
        if FLAC__metadata_chain_read(chain, url.path) == 0 {
            throw error("FLAC__metadata_chain_read")
        }
    }

    deinit { FLAC__metadata_chain_delete(chain) }

    private func error(_ call: String) -> AudioFileError {
        AudioFileError(.tag, file: url, reason: Self.explain(FLAC__metadata_chain_status(chain)), call: call)
    }

    /// libFLAC's status as a sentence (its own string table is not importable into Swift).
    private static func explain(_ status: FLAC__Metadata_ChainStatus) -> String {
        switch status {
        case FLAC__METADATA_CHAIN_STATUS_ERROR_OPENING_FILE: "The file could not be opened"
        case FLAC__METADATA_CHAIN_STATUS_NOT_A_FLAC_FILE: "It is not a FLAC file"
        case FLAC__METADATA_CHAIN_STATUS_NOT_WRITABLE: "The file is not writable"
        case FLAC__METADATA_CHAIN_STATUS_BAD_METADATA: "Its metadata is damaged"
        case FLAC__METADATA_CHAIN_STATUS_READ_ERROR: "Reading failed"
        case FLAC__METADATA_CHAIN_STATUS_SEEK_ERROR: "Seeking failed"
        case FLAC__METADATA_CHAIN_STATUS_WRITE_ERROR: "Writing failed (is the disk full?)"
        case FLAC__METADATA_CHAIN_STATUS_RENAME_ERROR: "The rewritten file could not be renamed into place"
        case FLAC__METADATA_CHAIN_STATUS_UNLINK_ERROR: "The temporary file could not be removed"
        case FLAC__METADATA_CHAIN_STATUS_MEMORY_ALLOCATION_ERROR: "Out of memory"
        default: "libFLAC metadata error \(status.rawValue)"
        }
    }

    /// Calls `body` with the VORBIS_COMMENT block, adding an empty one if `creating`
    /// and there is none (with `creating` false, a file without comments calls nothing).
    func withVorbisComment(creating: Bool, _ body: (UnsafeMutablePointer<FLAC__StreamMetadata>) throws -> Void) throws {
        guard let iterator = FLAC__metadata_iterator_new() else {
            throw AudioFileError(.tag, file: url, reason: "Out of memory", call: "FLAC__metadata_iterator_new")
        }
        defer { FLAC__metadata_iterator_delete(iterator) }
        FLAC__metadata_iterator_init(iterator, chain)
        repeat {
            if FLAC__metadata_iterator_get_block_type(iterator) == FLAC__METADATA_TYPE_VORBIS_COMMENT,
               let block = FLAC__metadata_iterator_get_block(iterator) {
                return try body(block)
            }
        } while FLAC__metadata_iterator_next(iterator) != 0
        guard creating else { return }
        // The iterator is on the last block; a new block goes after it (STREAMINFO stays first).
        guard let block = FLAC__metadata_object_new(FLAC__METADATA_TYPE_VORBIS_COMMENT) else {
            throw AudioFileError(.tag, file: url, reason: "Out of memory", call: "FLAC__metadata_object_new")
        }
        guard FLAC__metadata_iterator_insert_block_after(iterator, block) != 0 else {
            FLAC__metadata_object_delete(block)
            throw error("FLAC__metadata_iterator_insert_block_after")
        }
        try body(block)
    }

    /// Writes the chain back, using padding when it fits so the audio is not copied.
    func write() throws {
        FLAC__metadata_chain_sort_padding(chain)
        if FLAC__metadata_chain_write(chain, 1, 0) == 0 {
            throw error("FLAC__metadata_chain_write")
        }
    }
}

extension FLACComments {
    /// Replaces the file's front-cover PICTURE block (or adds one) with `picture`.
    static func setPicture(_ url: URL, _ picture: CoverPicture) throws {
        let chain = try MetadataChain(url)
        guard let block = FLAC__metadata_object_new(FLAC__METADATA_TYPE_PICTURE) else {
            throw AudioFileError(.tag, file: url, reason: "Out of memory", call: "FLAC__metadata_object_new")
        }
        var description: [CChar] = [0]
        var bytes = picture.data
        let filled = picture.type.mimeType.withCString { mime in
            FLAC__metadata_object_picture_set_mime_type(block, UnsafeMutablePointer(mutating: mime), 1) != 0
                && description.withUnsafeMutableBytes {
                    FLAC__metadata_object_picture_set_description(block, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), 1) != 0
                }
                && FLAC__metadata_object_picture_set_data(block, &bytes, UInt32(bytes.count), 1) != 0
        }
        guard filled else {
            FLAC__metadata_object_delete(block)
            throw AudioFileError(.tag, file: url, reason: "Out of memory", call: "FLAC__metadata_object_picture_set_data")
        }
        block.pointee.data.picture.type = FLAC__StreamMetadata_Picture_Type(CoverPicture.frontCover)
        block.pointee.data.picture.width = UInt32(picture.width)
        block.pointee.data.picture.height = UInt32(picture.height)
        block.pointee.data.picture.depth = UInt32(picture.depth)
        try chain.replaceFrontCover(with: block)
        try chain.write()
    }
}

extension MetadataChain {
    /// Deletes every front-cover PICTURE block and appends `block` (owned by the chain from then on).
    func replaceFrontCover(with block: UnsafeMutablePointer<FLAC__StreamMetadata>) throws {
        guard let iterator = FLAC__metadata_iterator_new() else {
            FLAC__metadata_object_delete(block)
            throw AudioFileError(.tag, file: url, reason: "Out of memory", call: "FLAC__metadata_iterator_new")
        }
        defer { FLAC__metadata_iterator_delete(iterator) }
        FLAC__metadata_iterator_init(iterator, chainPointer)
        repeat {
            if FLAC__metadata_iterator_get_block_type(iterator) == FLAC__METADATA_TYPE_PICTURE,
               let existing = FLAC__metadata_iterator_get_block(iterator),
               existing.pointee.data.picture.type.rawValue == CoverPicture.frontCover {
                FLAC__metadata_iterator_delete_block(iterator, 0)
            }
        } while FLAC__metadata_iterator_next(iterator) != 0
        guard FLAC__metadata_iterator_insert_block_after(iterator, block) != 0 else {
            FLAC__metadata_object_delete(block)
            throw AudioFileError(.tag, file: url, reason: "The picture could not be added", call: "FLAC__metadata_iterator_insert_block_after")
        }
    }
}
