import Mustache

/// What `scale.mustache` shows: each level of the common scale with the words each
/// municipality's reports use for it.
final class ScaleContext: MustacheParent {
    let levels: [Level]

    init(levels: [Level]) { self.levels = levels }

    func child(named name: String) -> Any? {
        name == "levels" ? levels : nil
    }

    final class Level: MustacheParent {
        let id: TemplateText
        let label: TemplateText
        let description: TemplateText
        let terms: TemplateItems<Term>?

        init(id: String, label: String, description: String, terms: [String]) {
            self.id = TemplateText(id)
            self.label = TemplateText(label)
            self.description = TemplateText(description)
            self.terms = TemplateItems.wrap(terms.map(Term.init))
        }

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "label": label
            case "description": description
            case "terms": terms
            default: nil
            }
        }
    }

    /// `Huddinge: "Uppfyllt"`.
    final class Term: MustacheParent {
        let text: TemplateText

        init(_ text: String) { self.text = TemplateText(text) }

        func child(named name: String) -> Any? {
            name == "text" ? text : nil
        }
    }
}

extension ContextBuilder {
    func scale(_ scale: Document<ScaleMatter>) -> ScaleContext {
        ScaleContext(levels: scale.matter.levels.map { level in
            ScaleContext.Level(id: level.id.value, label: level.label, description: level.description,
                               terms: content.municipalities.flatMap { municipality in
                municipality.matter.verdictScale.filter { $0.level.value == level.id.value }
                    .map { "\(municipality.matter.shortName): \"\($0.term)\"" }
            })
        })
    }
}
