import Foundation

/// Finds the folders that ship with Rapport (`config/`, `templates/`): `$RAPPORT_HOME`,
/// else the nearest ancestor of the executable that has them, else the source checkout
/// this binary was built from.
public enum ShippedResources {
    public static let root: URL? = {
        let fm = FileManager.default
        func hasResources(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("config/holidays").path)
        }
        if let home = ProcessInfo.processInfo.environment["RAPPORT_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home)
        }
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for start in candidates {
            var dir = start
            for _ in 0..<8 {
                if hasResources(dir) { return dir }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }()

    public static var configDirectory: URL? { root?.appendingPathComponent("config") }
    public static var templatesDirectory: URL? { root?.appendingPathComponent("templates") }
}
