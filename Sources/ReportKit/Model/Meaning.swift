/// What a metric measures (issue #12): its kind, sign convention, base and area. Each is a
/// closed word list in front matter, so a typo is an error with a "did you mean".

/// What sort of quantity a metric or figure is.
public enum MetricKind: String, Keyword {
    /// A sum over a period: costs, placements, vårddygn.
    case flow
    /// A level at a point in time: headcount, eget kapital.
    case stock
    /// A rate or share of a denominator (`base`): sick leave of ordinary working time.
    case share
    /// A mean over a period: households per month, kronor per household and month.
    case average
    public static var keyName: String { "kind" }

    /// "ställning vid en tidpunkt", for reasons and the comparison page.
    public var phrase: String {
        switch self {
        case .flow: "summa över en period"
        case .stock: "ställning vid en tidpunkt"
        case .share: "andel"
        case .average: "genomsnitt"
        }
    }
}

/// Whether a metric's values can be negative in its own convention.
public enum SignConvention: String, Keyword {
    /// Never negative as the metric defines it (a cost is a positive amount).
    case nonNegative = "non-negative"
    /// Either sign has a meaning, given by `positive_means`.
    case signed
    public static var keyName: String { "sign" }
}

/// The denominator of a share, from the bases the four reports use.
public enum Base: String, Keyword {
    case ordinarieArbetstid = "ordinarie-arbetstid"
    case totalArbetstid = "total-arbetstid"
    case totalSjukfranvaro = "total-sjukfranvaro"
    case nettobudget
    case kostnadsbudget
    case prognos
    case antalAnstallda = "antal-anstallda"
    /// The report gives a percentage without saying of what.
    case ejAngiven = "ej-angiven"
    public static var keyName: String { "base" }

    /// "andel av prognosen", for labels and reasons.
    public var phrase: String {
        switch self {
        case .ordinarieArbetstid: "andel av ordinarie arbetstid"
        case .totalArbetstid: "andel av den totala arbetstiden"
        case .totalSjukfranvaro: "andel av den totala sjukfrånvaron"
        case .nettobudget: "andel av nettobudgeten"
        case .kostnadsbudget: "andel av kostnadsbudgeten"
        case .prognos: "andel av prognosen"
        case .antalAnstallda: "andel av antalet anställda"
        case .ejAngiven: "rapporten anger inte vad andelen räknas på"
        }
    }

    /// "av prognosen": the phrase without "andel", for "andel av X, inte av Y".
    public var ofPhrase: String {
        self == .ejAngiven ? "okänd bas" : String(phrase.dropFirst("andel ".count))
    }
}

/// An area of a social-services committee's work. A metric belongs to one; a municipality's
/// `scope` lists the ones its committee covers.
public enum Area: String, Keyword {
    /// The committee as a whole (its economy): every committee has one.
    case helaNamnden = "hela-namnden"
    /// The administration's own staff: every committee has one.
    case personal
    case barnOchUnga = "barn-och-unga"
    case vuxnaMissbruk = "vuxna-missbruk"
    case valdINaraRelation = "vald-i-nara-relation"
    case socialpsykiatri
    case ekonomisktBistand = "ekonomiskt-bistand"
    case arbetsmarknad
    case lss
    /// Refugee reception as a whole: unaccompanied children, newly arrived adults, housing.
    case flyktingmottagande
    /// Only the reception of unaccompanied children (part of flyktingmottagande).
    case ensamkommandeBarn = "ensamkommande-barn"
    case aldreomsorg

    /// Areas every committee has, whatever its scope.
    public var isEveryCommittees: Bool { self == .helaNamnden || self == .personal }
    public static var keyName: String { "area" }

    /// "Ekonomiskt bistånd", for "… ingår inte i nämndens ansvar".
    public var label: String {
        switch self {
        case .helaNamnden: "Nämndens hela verksamhet"
        case .personal: "Förvaltningens personal"
        case .barnOchUnga: "Barn och unga"
        case .vuxnaMissbruk: "Vuxna med missbruk eller beroende"
        case .valdINaraRelation: "Våld i nära relation"
        case .socialpsykiatri: "Socialpsykiatri"
        case .ekonomisktBistand: "Ekonomiskt bistånd"
        case .arbetsmarknad: "Arbetsmarknadsinsatser"
        case .lss: "LSS"
        case .flyktingmottagande: "Flyktingmottagande"
        case .ensamkommandeBarn: "Mottagande av ensamkommande barn"
        case .aldreomsorg: "Äldreomsorg"
        }
    }
}
