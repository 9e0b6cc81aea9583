//! Parts of company and person names per language.

use super::Lang;

#[rustfmt::skip]
const SURNAMES_DE: &[&str] = &[
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
    "Krause", "Meier", "Lehmann", "Köhler", "Jäger", "Groß", "Weiß", "Günther", "Böhm", "Brückner",
    "Vogel", "Friedrich", "Keller", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann",
    "Franke", "Albrecht", "Schuster", "Ludwig", "Böttcher", "Kühn", "Pohl", "Engel", "Horn", "Busch",
    "Bergmann", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Möller", "Brandt", "Haas",
    "Schubert", "Dietrich", "Kraus", "Fuchs", "Heinrich", "Götz", "Seidel", "Ziegler", "Hübner",
    "Maurer", "Gruber", "Huber", "Wimmer", "Pichler", "Moser", "Steiner", "Leitner", "Eder",
    "Gerber", "Brunner", "Baumgartner", "Frei", "Widmer", "Schönberger", "Löffler", "Dörr", "Rößler",
];

#[rustfmt::skip]
const SURNAMES_FR: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert",
    "Bonnet", "François", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Henry",
    "Roussel", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Fontaine",
    "Chevalier", "Robin", "Béranger", "Lacroix", "Gérard", "Bélanger", "Noël", "Lévêque",
];

#[rustfmt::skip]
const SURNAMES_EN: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Martin", "Thompson", "Clark",
    "Lewis", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker",
    "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans",
    "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers",
    "Morgan", "Cooper", "Peterson", "Reed", "O'Brien", "McDonald", "Hughes", "Fletcher", "Whitaker",
];

#[rustfmt::skip]
const SURNAMES_NL: &[&str] = &[
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
    "van den Broek", "de Bruijn", "Schouten", "van Beek", "Willems", "Hoekstra",
];

#[rustfmt::skip]
const SURNAMES_ES: &[&str] = &[
    "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
    "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
    "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil",
    "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro",
    "Ortiz", "Rubio", "Marín", "Sanz", "Iglesias", "Núñez", "Medina", "Garrido", "Castillo",
];

#[rustfmt::skip]
const SURNAMES_IT: &[&str] = &[
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
    "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso",
    "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Serra",
    "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa", "Conte", "Ferraro",
    "Fabbri", "Marini", "Grasso", "Valentini", "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini",
];

#[rustfmt::skip]
const SURNAMES_PL: &[&str] = &[
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
    "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
    "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski", "Zając",
    "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Majewski", "Olszewski",
    "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek", "Nowicki", "Pawlak", "Górski",
    "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski", "Michalak", "Szewczyk", "Ostrowski",
    "Tomaszewski", "Pietrzak", "Zalewski", "Wróblewski", "Łukasiewicz", "Żak",
];

#[rustfmt::skip]
const SURNAMES_JA: &[&str] = &["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"];
#[rustfmt::skip]
const SURNAMES_ZH: &[&str] = &["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao"];

/// Family names of a language.
pub fn surnames(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => SURNAMES_DE,
        Lang::Fr => SURNAMES_FR,
        Lang::En => SURNAMES_EN,
        Lang::Nl => SURNAMES_NL,
        Lang::Es => SURNAMES_ES,
        Lang::It => SURNAMES_IT,
        Lang::Pl => SURNAMES_PL,
        Lang::Ja => SURNAMES_JA,
        Lang::Zh => SURNAMES_ZH,
    }
}

/// Given names of a language (contacts, e-mail addresses).
#[rustfmt::skip]
pub fn first_names(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["Thomas", "Michael", "Andreas", "Stefan", "Christian", "Sabine", "Petra", "Claudia", "Julia", "Katrin", "Jürgen", "Jörg", "Ute", "Björn", "Uwe", "Sören"],
        Lang::Fr => &["Jean", "Pierre", "Marie", "Sophie", "Nicolas", "Isabelle", "Philippe", "Nathalie", "François", "Émilie", "Hélène", "Loïc"],
        Lang::En => &["John", "David", "Sarah", "Emma", "James", "Michael", "Laura", "Robert", "Jennifer", "Daniel", "Emily", "Siobhan"],
        Lang::Nl => &["Jan", "Pieter", "Sanne", "Eva", "Bram", "Lotte", "Daan", "Fleur", "Joost", "Anouk"],
        Lang::Es => &["José", "María", "Javier", "Carmen", "Antonio", "Lucía", "Jorge", "Pilar", "Sergio", "Ángel"],
        Lang::It => &["Marco", "Giulia", "Luca", "Francesca", "Alessandro", "Chiara", "Giuseppe", "Federica", "Niccolò"],
        Lang::Pl => &["Piotr", "Anna", "Krzysztof", "Katarzyna", "Tomasz", "Małgorzata", "Paweł", "Agnieszka", "Łukasz", "Michał"],
        Lang::Ja => &["Hiroshi", "Yuki", "Takashi", "Keiko", "Kenji", "Akiko"],
        Lang::Zh => &["Wei", "Li", "Jun", "Mei", "Hao", "Xiu"],
    }
}

/// Trade and industry words that follow or precede a name ("Müller Maschinenbau").
#[rustfmt::skip]
pub fn industries(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["Maschinenbau", "Metallbau", "Elektrotechnik", "Logistik", "Bauunternehmung", "Haustechnik", "Verpackungen", "Druckerei", "Software", "Systemhaus", "Immobilien", "Kunststofftechnik", "Antriebstechnik", "Handelsgesellschaft", "Spedition", "Werkzeugbau", "Feinkost", "Holzbau", "Gebäudereinigung", "Medizintechnik", "Anlagenbau", "Stahlbau", "Unternehmensberatung", "Automation", "Elektro", "Sanitär", "Fenster und Türen", "Landtechnik", "Fahrzeugbau", "Präzisionstechnik", "Messtechnik", "Lackiererei", "Getränke", "Transporte", "Dienstleistungen", "Personalservice", "Datentechnik", "Kältetechnik", "Schweißtechnik", "Oberflächentechnik", "Umwelttechnik", "Energietechnik", "Vertrieb"],
        Lang::Fr => &["Transports", "Bâtiment", "Industrie", "Conseil", "Emballages", "Électricité", "Mécanique", "Distribution", "Informatique", "Logistique", "Menuiserie", "Imprimerie", "Alimentaire", "Travaux Publics", "Plomberie", "Chaudronnerie", "Métallerie", "Outillage", "Équipements", "Ingénierie", "Peinture", "Nettoyage", "Automatismes", "Hydraulique", "Plasturgie", "Fournitures", "Matériaux", "Énergie", "Carrosserie"],
        Lang::En => &["Engineering", "Logistics", "Manufacturing", "Services", "Technologies", "Solutions", "Systems", "Consulting", "Construction", "Packaging", "Electrical", "Foods", "Plastics", "Supplies", "Industries", "Software", "Trading", "Distribution", "Medical", "Printing", "Freight", "Tooling", "Components", "Fabrication", "Controls", "Instruments", "Coatings", "Hydraulics", "Pharmaceuticals", "Interiors", "Security", "Analytics", "Robotics", "Textiles", "Automotive"],
        Lang::Nl => &["Techniek", "Bouw", "Transport", "Installatietechniek", "Logistiek", "Verpakkingen", "Metaal", "Groothandel", "Advies", "Automatisering", "Elektrotechniek", "Machinebouw", "Schilders", "Drukkerij", "Kunststoffen", "Staalbouw", "Koeltechniek", "Infra", "Schoonmaak", "Vastgoed", "Handelsonderneming", "Meubelen", "Tuinbouw", "Zuivel"],
        Lang::Es => &["Construcciones", "Transportes", "Ingeniería", "Distribuciones", "Servicios", "Suministros", "Industrias", "Alimentación", "Logística", "Electricidad", "Consultores", "Instalaciones", "Montajes", "Carpintería", "Metalúrgica", "Embalajes", "Maquinaria", "Reformas", "Informática", "Automatismos", "Climatización", "Fontanería", "Estructuras", "Recambios", "Hidráulica"],
        Lang::It => &["Costruzioni", "Trasporti", "Meccanica", "Impianti", "Elettronica", "Servizi", "Forniture", "Logistica", "Alimentari", "Ingegneria", "Informatica", "Plastica", "Carpenteria", "Metalli", "Arredamenti", "Imballaggi", "Stampaggio", "Automazione", "Oleodinamica", "Tessuti", "Ceramiche", "Utensili", "Verniciature", "Edilizia", "Serramenti"],
        Lang::Pl => &["Budownictwo", "Transport", "Logistyka", "Handel", "Usługi", "Technika", "Elektronika", "Mechanika", "Instalacje", "Przemysł", "Drukarnia", "Meble", "Opakowania", "Stolarstwo", "Automatyka", "Hurtownia", "Konstrukcje", "Metalurgia", "Spedycja", "Doradztwo", "Informatyka", "Energetyka", "Tworzywa", "Narzędzia", "Chłodnictwo"],
        Lang::Ja | Lang::Zh => &["Trading", "Electronics", "Machinery", "Industries"],
    }
}

/// Regional adjectives ("Bayerische", "Lyonnaise") that make up regional firm names.
#[rustfmt::skip]
pub fn regions(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["Norddeutsche", "Süddeutsche", "Westfälische", "Bayerische", "Rheinische", "Sächsische", "Schwäbische", "Hanseatische", "Fränkische", "Allgäuer", "Märkische", "Badische"],
        Lang::Fr => &["Parisienne", "Lyonnaise", "Provençale", "Bretonne", "Alsacienne", "Normande", "Savoyarde", "Atlantique"],
        Lang::En => &["Northern", "Southern", "Atlantic", "Pacific", "Midland", "Western", "Great Lakes", "Pennine", "Thames Valley", "Highland"],
        Lang::Nl => &["Hollandse", "Brabantse", "Noordelijke", "Friese", "Zeeuwse", "Limburgse"],
        Lang::Es => &["Ibérica", "Levantina", "Cantábrica", "Andaluza", "Catalana", "Gallega"],
        Lang::It => &["Lombarda", "Toscana", "Veneta", "Adriatica", "Ligure", "Padana"],
        Lang::Pl => &["Mazowiecka", "Śląska", "Pomorska", "Wielkopolska", "Małopolska", "Podlaska"],
        Lang::Ja | Lang::Zh => &["Pacific", "Eastern", "Asia"],
    }
}

/// Names made only of generic words: many unrelated firms share them.
#[rustfmt::skip]
pub fn generic_names(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["Software Services", "Bau Service", "Industrie Technik", "Handel und Service", "Technik Vertrieb", "Gebäude Service", "Logistik Service", "Metall Technik", "IT Service", "Energie Service"],
        Lang::Fr => &["Services Industriels", "Bâtiment Services", "Informatique Conseil", "Distribution Services", "Technique Industrie"],
        Lang::En => &["Software Services", "Global Trading", "Data Solutions", "Office Services", "Business Systems", "Consulting Partners", "Technical Services", "General Supplies", "Industrial Solutions", "Logistics Services"],
        Lang::Nl => &["Techniek Service", "Bouw Service", "Transport Service", "Advies Groep"],
        Lang::Es => &["Servicios Generales", "Construcciones y Servicios", "Servicios Industriales", "Suministros Industriales"],
        Lang::It => &["Servizi Generali", "Servizi Industriali", "Impianti Tecnologici", "Forniture Industriali"],
        Lang::Pl => &["Usługi Budowlane", "Handel i Usługi", "Usługi Transportowe", "Technika Przemysłowa"],
        Lang::Ja | Lang::Zh => &["Global Trading", "Asia Trading"],
    }
}

/// Family-firm suffixes ("& Söhne"); a `{}` stands for the family name where it goes first.
#[rustfmt::skip]
pub fn family_patterns(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["{} & Söhne", "{} & Partner", "Gebrüder {}", "{} & Sohn"],
        Lang::Fr => &["{} & Fils", "{} et Associés", "Établissements {}", "{} Frères"],
        Lang::En => &["{} & Sons", "{} Brothers", "{} & Partners", "{} Associates"],
        Lang::Nl => &["{} & Zonen", "{} & Partners", "Gebroeders {}"],
        Lang::Es => &["{} e Hijos", "Hermanos {}", "{} y Asociados"],
        Lang::It => &["Fratelli {}", "{} & Figli", "{} e Associati"],
        Lang::Pl => &["{} i Synowie", "{} i Wspólnicy", "Przedsiębiorstwo {}"],
        Lang::Ja | Lang::Zh => &["{} Brothers"],
    }
}

/// Brand-like first halves ("Nord" + "tec").
#[rustfmt::skip]
pub const BRAND_STARTS: &[&str] = &[
    "Nord", "Süd", "West", "Ost", "Euro", "Inter", "Alpha", "Omni", "Tri", "Pro", "Tech", "Data",
    "Net", "Bio", "Eco", "Terra", "Aqua", "Sol", "Vita", "Max", "Neo", "Uni", "Multi", "Prime",
    "Nova", "Opti", "Agri", "Medi", "Flex", "Stra", "Kron", "Vento", "Lumi", "Helio", "Arc", "Sigma",
    "Delta", "Orbi", "Pneu", "Therm",
];

/// Brand-like second halves.
#[rustfmt::skip]
pub const BRAND_ENDS: &[&str] = &[
    "tec", "tronic", "plan", "soft", "form", "line", "log", "med", "trans", "bau", "chem", "print",
    "pack", "star", "tex", "lux", "matic", "vis", "con", "dyn", "sys", "mont", "well", "field",
    "point", "gate", "ware", "nova", "flow", "grid", "quant", "metric", "fix", "lab",
];

/// English business words that many firms outside English-speaking countries use too; most have
/// common abbreviations.
#[rustfmt::skip]
pub const BUSINESS_WORDS: &[&str] = &[
    "International", "Manufacturing", "Services", "Technologies", "Systems", "Industries",
    "Engineering", "Solutions", "Trading", "Associates", "Distribution", "Management", "Corporation",
    "Group",
];

/// Japanese name parts: (kanji, romanisation). Places, then trades.
#[rustfmt::skip]
pub const CJK_JA_PLACES: &[(&str, &str)] = &[
    ("東京", "Tokyo"), ("大阪", "Osaka"), ("名古屋", "Nagoya"), ("横浜", "Yokohama"),
    ("京都", "Kyoto"), ("神戸", "Kobe"), ("福岡", "Fukuoka"), ("日本", "Nihon"), ("東洋", "Toyo"),
];
/// Japanese trade words: (kanji, romanisation).
#[rustfmt::skip]
pub const CJK_JA_TRADES: &[(&str, &str)] = &[
    ("精密", "Seimitsu"), ("電機", "Denki"), ("化学", "Kagaku"), ("機械", "Kikai"),
    ("産業", "Sangyo"), ("物産", "Bussan"), ("光学", "Kogaku"), ("工業", "Kogyo"),
    ("貿易", "Boeki"), ("商事", "Shoji"), ("製作所", "Seisakusho"), ("電子", "Denshi"),
];
/// Chinese name parts: (hanzi, romanisation or English). Places, then trades.
#[rustfmt::skip]
pub const CJK_ZH_PLACES: &[(&str, &str)] = &[
    ("上海", "Shanghai"), ("北京", "Beijing"), ("深圳", "Shenzhen"), ("广州", "Guangzhou"),
    ("苏州", "Suzhou"), ("华东", "Huadong"), ("华南", "Huanan"), ("中兴", "Zhongxing"),
];
/// Chinese trade words.
#[rustfmt::skip]
pub const CJK_ZH_TRADES: &[(&str, &str)] = &[
    ("电子", "Electronics"), ("科技", "Technology"), ("贸易", "Trading"), ("机械", "Machinery"),
    ("精密", "Precision"), ("化工", "Chemical"), ("实业", "Industrial"), ("光电", "Optoelectronics"),
];

/// The sales team that owns CRM accounts (OwnerName).
#[rustfmt::skip]
pub const ACCOUNT_OWNERS: &[(&str, u32)] = &[
    ("Anna Becker", 12), ("Jonas Weber", 12), ("Laura Schmitt", 10), ("Markus Brandt", 10),
    ("Tobias Krüger", 8), ("Nina Vogt", 8), ("Lukas Hofer", 6), ("Sophie Martin", 5),
    ("Claire Dubois", 4), ("James Walker", 5), ("Marta Nowak", 4), ("Pieter de Vries", 4),
    ("Giulia Conti", 4), ("Carlos Ruiz", 4), ("Integration User", 3), ("Admin Salesforce", 1),
];
