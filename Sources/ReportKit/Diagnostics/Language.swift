/// The language messages to communicators are printed in: Swedish when the locale says so,
/// English otherwise (and in tests, whose expected text is English).
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case swedish = "sv"

    /// From the POSIX locale variables in their order of precedence (LC_ALL, LC_MESSAGES,
    /// LANG): the first one set decides. Only the name is read, so `sv_SE.UTF-8` works on a
    /// machine where that locale is not installed.
    public static func from(environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("sv") ? .swedish : .english
        }
        return .english
    }

    /// `--lang sv` or `--lang=en` among `arguments`, else the environment's language. Read
    /// before the arguments are parsed, so that `--help` is in the same language.
    public static func from(arguments: [String], environment: [String: String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            var value: String?
            if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
            if let value, let language = Language(rawValue: value.lowercased()) { return language }
        }
        return from(environment: environment)
    }
}
