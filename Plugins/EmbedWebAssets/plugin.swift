import Foundation
import PackagePlugin

/// Embeds the files of the package's `Web/` folder (the web app's HTML, CSS and
/// JavaScript, no build step) into the target as Swift string constants, `WebAssets.all`,
/// so `thidua serve` serves them from the binary, from any directory, with no network.
/// Uses the same tool as `EmbedTemplates`.
@main
struct EmbedWebAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let web = context.package.directoryURL.appending(path: "Web")
        let kept: Set<String> = ["html", "css", "js", "svg"]
        let files = try FileManager.default.contentsOfDirectory(at: web, includingPropertiesForKeys: nil)
            .filter { kept.contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "WebAssets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) web assets",
                executable: try context.tool(named: "embed-templates").url,
                arguments: ["--enum", "WebAssets", output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
