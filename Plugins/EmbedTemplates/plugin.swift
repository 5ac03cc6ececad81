import Foundation
import PackagePlugin

/// Embeds every `*.mustache` file of the package's `Templates/` folder and of its
/// subfolders one level down (`Templates/docx/`, the Word parts) into the target as
/// Swift string constants, so the built-in templates are part of the binary and need
/// no file lookup at run time. Templates are known by file name alone, so one set
/// (and one `--templates DIR`) serves every format; embed-templates refuses two files
/// of the same name.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        var files: [URL] = []
        for entry in try FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: entry.path, isDirectory: &isDirectory), isDirectory.boolValue {
                files += try FileManager.default.contentsOfDirectory(at: entry, includingPropertiesForKeys: nil)
                    .filter { $0.pathExtension == "mustache" }
            } else if entry.pathExtension == "mustache" {
                files.append(entry)
            }
        }
        files.sort { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) templates",
                executable: try context.tool(named: "embed-templates").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
