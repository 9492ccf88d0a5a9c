extension Catalogue {
    /// English: the default, and the language of the tests' expected text.
    static let english: [MessageKey: String] = [
        .missingKey: "missing required key \"{1}\"",
        .missingKeyIn: "missing required key \"{1}\" in {2}",
        .needsValue: "\"{1}\" needs a value",
        .unknownKeyDidYouMean: "unknown key \"{1}\"; did you mean \"{2}\"?",
        .unknownKeyAllowed: "unknown key \"{1}\"; the keys allowed here are {2}",

        .csvNotANumber: "\"{1}\" in column \"{2}\" is not a number; write numbers as Excel shows them (1 054,4 or −17,6) and leave the field empty where the report gives no value",
        .csvDecimalPoint: "\"{1}\" in column \"{2}\" is not a number; in a Swedish CSV file the decimal sign is a comma: write {3} ({4})",
        .csvFieldCount: "this line has {1} fields but the first line has {2} column headings; every line needs one field per column (an empty field where the report gives no value)",
        .csvNoFileDidYouMean: "there is no file \"{1}\" beside this page; did you mean \"{2}\"?",
        .csvNoFileList: "there is no file \"{1}\" beside this page; the CSV files here are {2}",
        .csvNoFileNone: "there is no file \"{1}\" beside this page; save the table from Excel or LibreOffice as CSV into this folder",
        .tableNoRowDidYouMean: "table \"{1}\" has no row \"{2}\"; did you mean \"{3}\"?",
        .tableNoRowList: "table \"{1}\" has no row \"{2}\"; it has {3}",
        .tableNoColumnDidYouMean: "table \"{1}\" has no column \"{2}\"; did you mean \"{3}\"?",
        .tableNoColumnList: "table \"{1}\" has no column \"{2}\"; it has {3}",
        .unknownTableDidYouMean: "unknown table \"{1}\"; did you mean \"{2}\"?",
        .unknownTableList: "unknown table \"{1}\"; the tables of this page are {2}",
        .unknownTableNone: "unknown table \"{1}\"; a figure can point only into a table listed under tables on the same page",
        .tableCellNotNumber: "column \"{1}\" of table \"{2}\" has no number in row \"{3}\"; point at a cell with a number",
        .tableCellLabels: "column \"{1}\" of table \"{2}\" holds the row labels; point at a cell with a number",
        .rowDecimalCommas: "row \"{1}\" has {2} cells but the table has {3} columns, because a comma separates the cells of [ ] and the decimal commas in {4} split each number in two; write decimals with a point ({5}), or keep the table in a CSV file, where decimal commas are right",

        .placeholder: "\"{1}\" is a placeholder from `arsrapport new`; write what it asks for, or mark the report draft: true in its index.md to leave it out of the site until it is done",
        .draftLinked: "this links to {1}, which is a draft (draft: true) and is left out of the site; remove the link, or publish the report",

        .errorsOne: "{1} error",
        .errorsMany: "{1} errors",
        .warningsOne: "{1} warning",
        .warningsMany: "{1} warnings",
        .builtSummary: "built {1} pages ({2} files), {3} in {4} ms{5}",
        .checkedSummary: "checked: {1} in {2} ms",
        .buildFailed: "build failed: {1}; nothing was written ({2} ms)",
        .checkFailed: "check failed: {1}; nothing was written ({2} ms)",
        .knownContradictionOne: "1 known contradiction in the sources, see `arsrapport check --contradictions`",
        .knownContradictions: "{1} known contradictions in the sources, see `arsrapport check --contradictions`",
        .pagesPerSecond: ", {1} pages per second",
        .notAnnotated: "{1} warnings in files this change does not touch are not annotated (see `arsrapport check`)",
    ]
}
