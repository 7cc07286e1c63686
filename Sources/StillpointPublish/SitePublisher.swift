import Foundation

/// `stillpoint publish` after the build: the static site, one page and one feed
/// per collection, written into the site folder.
///
/// Order matters for never losing work: the links file is saved before the site
/// is touched (so a token handed out is never forgotten), every file is put in
/// place whole, and only when every collection is written is whatever the site
/// no longer holds removed: a revoked link's folder, a deleted track's files.
/// A publish that fails halfway leaves the old pages working.
public struct SitePublisher: Sendable {
    public let library: URL
    public let site: URL
    public let baseURL: SiteURL
    /// The date a track published for the first time gets.
    public let now: Date

    public init(library: URL, site: URL, baseURL: SiteURL, now: Date = Date()) {
        self.library = library.standardizedFileURL
        self.site = site.standardizedFileURL
        self.baseURL = baseURL
        self.now = now
    }

    /// Writes the site for `tracks`; `newLinks` are top-level folders whose link
    /// is replaced (their old folder in the site is removed).
    public func publish(_ tracks: [PublishedTrack], newLinks: [String] = []) throws(PublishError) -> PublishReport {
        var links = try LinkStore.load(library: library)
        let sorted = tracks.sorted { $0.script < $1.script }
        let byFolder = Dictionary(grouping: sorted, by: \.folder)
        let folders = byFolder.keys.compactMap { $0 }.sorted()
        for folder in newLinks where !folders.contains(folder) { throw .unknownFolder(folder, known: folders) }
        links.keepOnly(folders: Set(folders), scripts: Set(sorted.map(\.script)))
        for folder in newLinks { links.renew(folder) }
        var published: [String: Date] = [:]
        for track in sorted { published[track.script] = links.firstPublished(track.script, now: now) }

        let top = byFolder[nil] ?? []
        var collections = [SiteCollection(
            folder: nil, token: nil,
            title: SiteCollection.shared(top.map(\.album)) ?? library.lastPathComponent, tracks: top)]
        for folder in folders {
            collections.append(SiteCollection(
                folder: folder, token: links.token(for: folder), title: folder, tracks: byFolder[folder] ?? []))
        }
        let folder = try SiteFolder(site)
        try links.save(library: library)
        var written: Set<String> = []
        for collection in collections {
            written.formUnion(try write(collection, into: folder, published: published))
        }
        let removed = try folder.removeEverything(except: written)
        return PublishReport(
            collections: collections.map { collection in
                PublishReport.Collection(
                    folder: collection.folder, title: collection.title, tracks: collection.tracks.count,
                    page: baseURL.absolute(collection.path),
                    feed: collection.tracks.isEmpty ? nil : baseURL.absolute(collection.path + "feed.xml"))
            },
            revoked: removed.filter(LinkStore.isToken))
    }

    /// Writes one collection's files; returns their paths in the site.
    private func write(_ collection: SiteCollection, into folder: SiteFolder, published: [String: Date]) throws(PublishError) -> Set<String> {
        var paths: [String] = []
        func put(_ data: Data, _ path: String) throws(PublishError) {
            try folder.write(data, to: collection.path + path)
            paths.append(collection.path + path)
        }
        func place(_ source: URL, _ path: String) throws(PublishError) {
            try folder.place(source, at: collection.path + path)
            paths.append(collection.path + path)
        }
        for track in collection.tracks {
            let files = SiteCollection.files(of: track)
            for (file, path) in files.audio { try place(file.url, path) }
            try put(Data(track.subtitles.utf8), files.transcript)
            if let chapters = files.chapters { try put(ChaptersJSON.data(for: track.chapters), chapters) }
            if let cover = files.cover, let source = track.cover { try place(source, cover) }
        }
        let feed = collection.tracks.isEmpty ? nil : "feed.xml"
        if let feed { try put(Data(FeedWriter.xml(collection, site: baseURL, published: published).utf8), feed) }
        try put(Data(PageWriter.html(collection, feed: feed).utf8), "index.html")
        try put(Data(PageAssets.css.utf8), "style.css")
        try put(Data(PageAssets.javascript.utf8), "player.js")
        return Set(paths)
    }
}

/// What a publish wrote, for the terminal.
public struct PublishReport: Sendable, Equatable {
    public struct Collection: Sendable, Equatable {
        /// The top-level folder; nil for the library's top-level scripts (public).
        public var folder: String?
        public var title: String
        public var tracks: Int
        /// The page's address (the folder's private link, for a folder).
        public var page: String
        public var feed: String?
    }

    public var collections: [Collection]
    /// Tokens whose folders were removed from the site: links that no longer work.
    public var revoked: [String]
}
