//! Street names per address layout, and how people abbreviate street types.

use super::StreetSet;

/// Street names (without house number) of one layout.
#[rustfmt::skip]
pub fn streets(set: StreetSet) -> &'static [&'static str] {
    match set {
        StreetSet::German => &[
            "Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gartenstraße", "Schillerstraße",
            "Goethestraße", "Lindenstraße", "Friedrichstraße", "Kirchstraße", "Am Markt", "Mühlenweg",
            "Berliner Allee", "Gewerbepark", "Rosenweg", "Königsallee", "Ludwigstraße", "Marktplatz",
            "Feldstraße", "Werner-von-Siemens-Straße", "Carl-Benz-Straße", "Robert-Bosch-Straße",
            "Im Gewerbegebiet", "Daimlerstraße", "Dorfstraße", "Waldstraße", "Schulstraße",
            "Ringstraße", "Wilhelmstraße", "Kaiserstraße", "Poststraße", "Hafenstraße", "Mozartstraße",
            "Uhlandstraße", "Gutenbergstraße", "Max-Planck-Straße", "Siemensring", "Hansaring",
            "Am Hafen", "Südring", "Talstraße", "Birkenweg", "Zeppelinstraße", "Otto-Hahn-Straße",
            "Lessingstraße", "Herrengasse", "Schulgasse", "Mariahilfer Straße", "Wiener Straße",
        ],
        StreetSet::Swiss => &[
            "Bahnhofstrasse", "Seestrasse", "Dorfstrasse", "Industriestrasse", "Hauptstrasse",
            "Kirchgasse", "Zürcherstrasse", "Baslerstrasse", "Bernstrasse", "Gewerbestrasse",
            "Poststrasse", "Rosenweg", "Schulhausstrasse", "Alte Landstrasse", "Hardturmstrasse",
            "Limmatquai", "Seefeldstrasse", "Badenerstrasse", "Rue du Rhône", "Via Nassa",
        ],
        StreetSet::French => &[
            "rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "boulevard Haussmann",
            "rue du Faubourg Saint-Honoré", "place Bellecour", "rue de la Paix", "rue Nationale",
            "avenue de la Gare", "rue Pasteur", "rue des Écoles", "chemin des Vignes",
            "allée des Tilleuls", "rue du Général de Gaulle", "avenue Foch", "boulevard Gambetta",
            "rue Émile Zola", "rue de l'Industrie", "rue Jean Moulin", "avenue de la Libération",
            "quai Saint-Antoine", "rue Lafayette", "impasse des Artisans", "route de Lyon",
            "rue du Moulin", "rue de la Gare", "rue des Acacias", "avenue Georges Clemenceau",
        ],
        StreetSet::British => &[
            "High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "King Street",
            "Mill Lane", "Queen's Road", "London Road", "The Green", "Manor Road", "Church Road",
            "Green Lane", "Park Road", "North Street", "Albert Road", "Castle Street", "Bridge Street",
            "New Road", "Chapel Lane", "Kingsway", "Riverside Way", "Commercial Road", "Oxford Road",
            "Market Street", "West Street", "Princes Street", "George Street",
        ],
        StreetSet::American => &[
            "Main Street", "Market Street", "Broadway", "Oak Avenue", "Fifth Avenue",
            "Industrial Parkway", "Commerce Drive", "Elm Street", "Park Avenue", "Washington Street",
            "Maple Avenue", "Lake Shore Drive", "Madison Avenue", "Michigan Avenue", "Peachtree Street",
            "Pine Street", "Cedar Lane", "Sunset Boulevard", "Technology Drive", "Corporate Boulevard",
            "Center Street", "Second Street", "Third Avenue", "Mission Street", "Lincoln Avenue",
            "Jefferson Boulevard",
        ],
        StreetSet::Dutch => &[
            "Keizersgracht", "Stationsweg", "Kerkstraat", "Industrieweg", "Hoofdstraat", "Dorpsstraat",
            "Molenweg", "Marktplein", "Julianalaan", "Wilhelminastraat", "Nieuwe Binnenweg",
            "Oranjestraat", "Schoolstraat", "Damrak", "Coolsingel", "Stadhouderskade", "Parallelweg",
            "Havenstraat", "Energieweg", "Handelsweg", "Nijverheidsweg", "Ambachtsweg", "Beatrixlaan",
        ],
        StreetSet::Spanish => &[
            "Calle Mayor", "Avenida de la Constitución", "Paseo de la Castellana", "Calle de Alcalá",
            "Gran Vía", "Plaza de España", "Calle Serrano", "Calle Real", "Avenida Diagonal",
            "Calle de Velázquez", "Polígono Industrial Los Olivos", "Calle San Vicente",
            "Avenida del Puerto", "Calle Colón", "Avenida de Andalucía", "Calle de la Industria",
            "Ronda de Poniente", "Calle Príncipe de Vergara", "Paseo de Gracia", "Calle Larios",
        ],
        StreetSet::Italian => &[
            "Via Roma", "Corso Buenos Aires", "Via Garibaldi", "Piazza del Duomo", "Viale Monza",
            "Via Dante", "Via Milano", "Via Mazzini", "Corso Vittorio Emanuele II", "Via Cavour",
            "Via dell'Industria", "Viale Europa", "Via Verdi", "Via Marconi", "Via XX Settembre",
            "Via Nazionale", "Corso Italia", "Via Torino", "Via dei Mille", "Via Galileo Galilei",
            "Via della Repubblica", "Viale della Libertà",
        ],
        StreetSet::Polish => &[
            "ul. Marszałkowska", "ul. Piotrkowska", "al. Jerozolimskie", "ul. Długa", "ul. Kościuszki",
            "ul. Mickiewicza", "pl. Wolności", "ul. Łąkowa", "ul. Żeromskiego", "ul. Floriańska",
            "ul. Świętokrzyska", "ul. Grunwaldzka", "ul. Sienkiewicza", "ul. Słowackiego",
            "ul. Przemysłowa", "ul. Polna", "ul. Leśna", "ul. Ogrodowa", "ul. Kolejowa",
            "al. Solidarności", "ul. Wrocławska", "ul. Krakowska",
        ],
        StreetSet::Japanese => &[
            "Marunouchi", "Nihonbashi", "Shinjuku", "Umeda", "Sakae", "Minatomirai", "Shibaura",
            "Akasaka", "Ginza", "Namba", "Kitahama", "Hatchobori",
        ],
        StreetSet::Chinese => &[
            "Century Avenue", "Nanjing Road", "Huaihai Road", "Jianguo Road", "Shennan Avenue",
            "Zhongshan Road", "Renmin Road", "Jiefang Road", "Xinhua Road", "Keyuan Road",
        ],
    }
}

/// Street-type words and their abbreviations (whole word or word ending, as written).
#[rustfmt::skip]
pub fn street_abbreviations(set: StreetSet) -> &'static [(&'static str, &'static str)] {
    match set {
        StreetSet::German => &[("straße", "str."), ("Straße", "Str."), ("straße", "strasse"), ("Straße", "Strasse"), ("Platz", "Pl."), ("gasse", "g.")],
        StreetSet::Swiss => &[("strasse", "str."), ("Strasse", "Str."), ("gasse", "g.")],
        StreetSet::French => &[("rue ", "r. "), ("rue ", "Rue "), ("avenue ", "av. "), ("avenue ", "ave "), ("boulevard ", "bd "), ("boulevard ", "Bld "), ("place ", "pl. "), ("chemin ", "ch. "), ("allée ", "all. "), ("route ", "rte "), ("Saint-", "St-"), ("Général ", "Gal ")],
        StreetSet::British | StreetSet::American => &[("Street", "St"), ("Street", "St."), ("Road", "Rd"), ("Road", "Rd."), ("Avenue", "Ave"), ("Avenue", "Av."), ("Lane", "Ln"), ("Drive", "Dr"), ("Boulevard", "Blvd"), ("Parkway", "Pkwy"), ("Fifth", "5th"), ("Second", "2nd"), ("Third", "3rd")],
        StreetSet::Dutch => &[("straat", "str."), ("laan", "ln."), ("plein", "pl.")],
        StreetSet::Spanish => &[("Calle ", "C/ "), ("Calle ", "C. "), ("Avenida ", "Avda. "), ("Avenida ", "Av. "), ("Plaza ", "Pza. "), ("Paseo ", "Pº "), ("Polígono Industrial ", "Pol. Ind. ")],
        StreetSet::Italian => &[("Via ", "V. "), ("Piazza ", "P.zza "), ("Viale ", "V.le "), ("Corso ", "C.so ")],
        StreetSet::Polish => &[("ul. ", ""), ("ul. ", "ulica "), ("al. ", "aleja "), ("pl. ", "plac ")],
        StreetSet::Japanese | StreetSet::Chinese => &[("Avenue", "Ave"), ("Road", "Rd")],
    }
}

/// Second address lines (unit, suite, building) of a layout; `{}` stands for a number.
#[rustfmt::skip]
pub fn address2_patterns(set: StreetSet) -> &'static [&'static str] {
    match set {
        StreetSet::British => &["Unit {}", "Suite {}", "{}th Floor", "Riverside House", "Unit {}, Enterprise Park"],
        StreetSet::American => &["Suite {}", "Ste {}", "Floor {}", "Building {}", "Unit {}"],
        StreetSet::French => &["Bâtiment {}", "ZI des Plaines", "BP {}", "Zone Artisanale"],
        StreetSet::German | StreetSet::Swiss => &["Gebäude {}", "Haus {}", "Postfach {}", "Hinterhaus"],
        StreetSet::Spanish => &["Planta {}", "Nave {}", "Local {}"],
        StreetSet::Italian => &["Scala {}", "Piano {}", "Zona Industriale"],
        StreetSet::Dutch => &["Unit {}", "Postbus {}"],
        StreetSet::Polish => &["lok. {}", "Budynek {}"],
        StreetSet::Japanese => &["{}F", "Building {}"],
        StreetSet::Chinese => &["Room {}", "{}F"],
    }
}
