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
                report(context, setting.valueSpot, .coverNotAPicture(setting.raw))
                return nil
            }
            guard data.count <= PictureType.largestFile else {
                report(context, setting.valueSpot, .coverTooLarge(setting.raw, megabytes: data.count / 1_048_576))
                return nil
            }
        } catch {
            reportFileProblem(error, written: setting.raw, context, setting.valueSpot)
            return nil
        }
        return url
    }
}
