import Foundation

/// Every file access of one resolution: paths confined to the library's root
/// (after following symbolic links), the clips folder listed once, and the
/// inspector asked once per file, so a `repeat` of 10,000 costs no more disk
/// work than one pass.
final class LibraryFiles {
    /// The root with symbolic links resolved, for the "inside the root" test.
    let root: URL
    private let inspector: any AudioFileInspector
    private let verifyAudio: Bool
    private var infos: [URL: Result<AudioFileInfo, any Error>] = [:]
    private var audible: [String: Result<Range<Int64>, any Error>] = [:]
    private var listings: [URL: [String: [URL]]] = [:]
    private var inside: [String: Bool] = [:]
    private(set) var dependencies: Set<URL> = []

    init(root: URL, inspector: any AudioFileInspector, verifyAudio: Bool = false) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        self.inspector = inspector
        self.verifyAudio = verifyAudio
    }

    enum Problem: Error {
        case outsideRoot(URL)
        case missing(URL, suggestion: String?)
        case unreadable(URL, String)
    }

    /// `path` (as written in the file in `folder`) as an absolute URL inside the root.
    func confined(_ path: String, in folder: URL) throws(Problem) -> URL {
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path))
            .standardizedFileURL
        let real = url.resolvingSymlinksInPath()
        guard isInsideRoot(real) else { throw .outsideRoot(url) }
        guard FileManager.default.fileExists(atPath: real.path) else {
            let folder = url.deletingLastPathComponent()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            throw .missing(url, suggestion: didYouMean(url.lastPathComponent, among: names))
        }
        return url
    }

    /// Whether `url`, with symbolic links followed, lies inside the root;
    /// remembered, since a clip said in a long `repeat` is asked about each time.
    func isInsideRoot(_ url: URL) -> Bool {
        if let known = inside[url.path] { return known }
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        let answer = path == root.path || path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
        inside[url.path] = answer
        return answer
    }

    func read(_ url: URL) throws(Problem) -> Data {
        do {
            let data = try Data(contentsOf: url)
            dependencies.insert(url)
            return data
        } catch {
            throw .unreadable(url, error.localizedDescription)
        }
    }

    func info(of url: URL) throws(Problem) -> AudioFileInfo {
        let result = infos[url] ?? Result {
            let info = try inspector.info(of: url)
            if verifyAudio { try inspector.verify(url) }
            return info
        }
        infos[url] = result
        dependencies.insert(url)
        do {
            let info = try result.get()
            guard info.rate > 0, info.frames >= 0 else { throw Problem.unreadable(url, "the file reports no sample rate") }
            return info
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .unreadable(url, String(describing: error))
        }
    }

    func audibleRange(of url: URL, within range: Range<Int64>) throws(Problem) -> Range<Int64> {
        let key = "\(url.path)#\(range.lowerBound)-\(range.upperBound)"
        let result = audible[key] ?? Result { try inspector.audibleRange(of: url, within: range) }
        audible[key] = result
        do {
            return try result.get()
        } catch {
            throw .unreadable(url, String(describing: error))
        }
    }

    enum ClipLookup {
        case found(URL)
        case ambiguous([URL])
        case missing(suggestion: String?)
    }

    /// `name.{flac,wav,…}` in `folder`, case-exact in the name, any case in the extension.
    /// Folders inside it are not looked into: `takes --replace` keeps old clips in `.replaced/`.
    func clip(_ name: String, in folder: URL) -> ClipLookup {
        let listing = clipListing(folder)
        if let files = listing[name] {
            return files.count == 1 ? .found(files[0]) : .ambiguous(files)
        }
        return .missing(suggestion: didYouMean(name, among: Array(listing.keys).sorted()))
    }

    private func clipListing(_ folder: URL) -> [String: [URL]] {
        if let listing = listings[folder] { return listing }
        var listing: [String: [URL]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in names.sorted() {
            let url = folder.appendingPathComponent(file)
            let ext = url.pathExtension.lowercased()
            guard clipExtensions.contains(ext) else { continue }
            listing[url.deletingPathExtension().lastPathComponent, default: []].append(url)
        }
        for (name, files) in listing {
            listing[name] = files.sorted {
                (clipExtensions.firstIndex(of: $0.pathExtension.lowercased()) ?? 0)
                    < (clipExtensions.firstIndex(of: $1.pathExtension.lowercased()) ?? 0)
            }
        }
        listings[folder] = listing
        return listing
    }
}
