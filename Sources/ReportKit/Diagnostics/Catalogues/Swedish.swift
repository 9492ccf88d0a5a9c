extension Catalogue {
    /// Svenska: när LANG, LC_MESSAGES eller LC_ALL börjar med sv (eller med --lang sv).
    static let swedish: [MessageKey: String] = [
        .missingKey: "den obligatoriska nyckeln \"{1}\" saknas",
        .missingKeyIn: "den obligatoriska nyckeln \"{1}\" saknas i {2}",
        .needsValue: "\"{1}\" behöver ett värde",
        .unknownKeyDidYouMean: "okänd nyckel \"{1}\"; menar du \"{2}\"?",
        .unknownKeyAllowed: "okänd nyckel \"{1}\"; här kan du skriva {2}",

        .csvNotANumber: "\"{1}\" i kolumnen \"{2}\" är inte ett tal; skriv talen som Excel visar dem (1 054,4 eller −17,6) och lämna fältet tomt där rapporten inte anger något värde",
        .csvDecimalPoint: "\"{1}\" i kolumnen \"{2}\" är inte ett tal; i en svensk CSV-fil är decimaltecknet komma: skriv {3} ({4})",
        .csvFieldCount: "raden har {1} fält men första raden har {2} kolumnrubriker; varje rad behöver ett fält per kolumn (ett tomt fält där rapporten inte anger något värde)",
        .csvNoFileDidYouMean: "det finns ingen fil \"{1}\" bredvid den här sidan; menar du \"{2}\"?",
        .csvNoFileList: "det finns ingen fil \"{1}\" bredvid den här sidan; CSV-filerna här är {2}",
        .csvNoFileNone: "det finns ingen fil \"{1}\" bredvid den här sidan; spara tabellen från Excel eller LibreOffice som CSV i den här mappen",
        .tableNoRowDidYouMean: "tabellen \"{1}\" har ingen rad \"{2}\"; menar du \"{3}\"?",
        .tableNoRowList: "tabellen \"{1}\" har ingen rad \"{2}\"; den har {3}",
        .tableNoColumnDidYouMean: "tabellen \"{1}\" har ingen kolumn \"{2}\"; menar du \"{3}\"?",
        .tableNoColumnList: "tabellen \"{1}\" har ingen kolumn \"{2}\"; den har {3}",
        .unknownTableDidYouMean: "okänd tabell \"{1}\"; menar du \"{2}\"?",
        .unknownTableList: "okänd tabell \"{1}\"; sidans tabeller är {2}",
        .unknownTableNone: "okänd tabell \"{1}\"; ett nyckeltal kan bara hämta sitt värde från en tabell under tables på samma sida",
        .tableCellNotNumber: "kolumnen \"{1}\" i tabellen \"{2}\" har inget tal på raden \"{3}\"; peka på en cell med ett tal",
        .tableCellLabels: "kolumnen \"{1}\" i tabellen \"{2}\" innehåller radrubrikerna; peka på en cell med ett tal",
        .rowDecimalCommas: "raden \"{1}\" har {2} celler men tabellen har {3} kolumner, eftersom komma skiljer cellerna åt i [ ] och decimalkommat i {4} delar varje tal i två; skriv decimaler med punkt ({5}), eller lägg tabellen i en CSV-fil, där decimalkomma är rätt",

        .placeholder: "\"{1}\" är en platshållare från `arsrapport new`; skriv det som efterfrågas, eller markera rapporten draft: true i dess index.md så att den inte publiceras förrän den är klar",
        .draftLinked: "länken går till {1}, som är ett utkast (draft: true) och inte finns med på webbplatsen; ta bort länken eller publicera rapporten",

        .errorsOne: "{1} fel",
        .errorsMany: "{1} fel",
        .warningsOne: "{1} varning",
        .warningsMany: "{1} varningar",
        .builtSummary: "byggde {1} sidor ({2} filer), {3} på {4} ms{5}",
        .checkedSummary: "kontrollerat: {1} på {2} ms",
        .buildFailed: "bygget misslyckades: {1}; inget skrevs ({2} ms)",
        .checkFailed: "kontrollen misslyckades: {1}; inget skrevs ({2} ms)",
        .knownContradictionOne: "1 känd motsägelse i källorna, se `arsrapport check --contradictions`",
        .knownContradictions: "{1} kända motsägelser i källorna, se `arsrapport check --contradictions`",
        .pagesPerSecond: ", {1} sidor per sekund",
        .notAnnotated: "{1} varningar i filer som ändringen inte rör visas inte som anteckningar (se `arsrapport check`)",
    ]
}
