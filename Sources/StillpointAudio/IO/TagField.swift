internal import CSndFile
import StillpointScript

/// The text fields Stillpoint writes, with libsndfile's key for each.
enum TagField: CaseIterable {
    case title, artist, album, comment, genre, date

    var sndfileKey: Int32 {
        switch self {
        case .title: Int32(SF_STR_TITLE)
        case .artist: Int32(SF_STR_ARTIST)
        case .album: Int32(SF_STR_ALBUM)
        case .comment: Int32(SF_STR_COMMENT)
        case .genre: Int32(SF_STR_GENRE)
        case .date: Int32(SF_STR_DATE)
        }
    }

    /// The Vorbis comment field name (FLAC, Ogg).
    var vorbisName: String {
        switch self {
        case .title: "TITLE"
        case .artist: "ARTIST"
        case .album: "ALBUM"
        case .comment: "COMMENT"
        case .genre: "GENRE"
        case .date: "DATE"
        }
    }

    var keyPath: WritableKeyPath<Tags, String?> {
        switch self {
        case .title: \.title
        case .artist: \.artist
        case .album: \.album
        case .comment: \.comment
        case .genre: \.genre
        case .date: \.date
        }
    }
}

extension Tags {
    /// The fields that are set, in a fixed order.
    var fields: [(field: TagField, value: String)] {
        TagField.allCases.compactMap { field in self[keyPath: field.keyPath].map { (field, $0) } }
    }
}
