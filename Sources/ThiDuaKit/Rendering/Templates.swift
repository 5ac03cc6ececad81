/// Access to the templates shipped with the package.
public enum Templates {
    /// Names of the built-in templates.
    public static var builtinNames: [String] { BuiltinTemplates.all.keys.sorted() }
}
