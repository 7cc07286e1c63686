import Foundation

extension Resolver {
    /// `cover: art/evening.jpg`: a PNG or JPEG inside the library, relative to the
    /// file that sets it. Read here so that a change to the picture re-renders the
    /// track (it becomes a dependency) and a wrong file is reported at its line.
    func cover(_ setting: SettingSyntax, _ context: FileContext) -> URL? {
        let url: URL
        do throws(LibraryFiles.Problem) {
            url = try files.confined(setting.raw, in: context.folder)
            let data = try files.read(url)
            guard PictureType(header: data) != nil else {
                report(.error, context, setting.valueSpot, "`\(setting.raw)` is not a PNG or JPEG picture",
                       hints: ["export the cover as .png or .jpg"])
                return nil
            }
            guard data.count <= PictureType.largestFile else {
                report(.error, context, setting.valueSpot,
                       "`\(setting.raw)` is \(data.count / 1_048_576) MB; a cover may be at most 8 MB",
                       hints: ["export it smaller, for example 1400 × 1400 pixels as JPEG"])
                return nil
            }
        } catch {
            reportFileProblem(error, written: setting.raw, context, setting.valueSpot)
            return nil
        }
        return url
    }
}
