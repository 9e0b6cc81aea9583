//! Cities with real postcodes of central districts and real telephone area codes.

use super::{City, Lang};

/// Cities of DE.
#[rustfmt::skip]
pub const DE_CITIES: &[City] = &[
    City::new("Berlin", &[], &["10115", "10117", "10178", "10243", "10719", "12099", "13353"], "30"),
    City::new("Hamburg", &[], &["20095", "20457", "22041", "22297", "22765"], "40"),
    City::new("München", &["Munich", "Muenchen"], &["80331", "80335", "80469", "80636", "81369", "81829"], "89"),
    City::new("Köln", &["Cologne", "Koeln"], &["50667", "50672", "50823", "51063", "51149"], "221"),
    City::new("Frankfurt am Main", &["Frankfurt", "Frankfurt a.M.", "Frankfurt/Main"], &["60311", "60313", "60486", "60528", "65929"], "69"),
    City::new("Stuttgart", &[], &["70173", "70176", "70565", "70329"], "711"),
    City::new("Düsseldorf", &["Duesseldorf"], &["40210", "40213", "40474", "40549"], "211"),
    City::new("Dresden", &[], &["01067", "01069", "01099", "01307"], "351"),
    City::new("Leipzig", &[], &["04103", "04109", "04129", "04356"], "341"),
    City::new("Nürnberg", &["Nuremberg", "Nuernberg"], &["90402", "90403", "90411", "90451"], "911"),
    City::new("Hannover", &["Hanover"], &["30159", "30161", "30179", "30519"], "511"),
    City::new("Bremen", &[], &["28195", "28197", "28359"], "421"),
    City::new("Essen", &[], &["45127", "45128", "45136"], "201"),
    City::new("Dortmund", &[], &["44135", "44137", "44227"], "231"),
    City::new("Mannheim", &[], &["68159", "68161", "68199", "68309"], "621"),
    City::new("Augsburg", &[], &["86150", "86152", "86167"], "821"),
    City::new("Münster", &["Muenster"], &["48143", "48149", "48155"], "251"),
    City::new("Regensburg", &[], &["93047", "93053", "93055"], "941"),
    City::new("Freiburg im Breisgau", &["Freiburg", "Freiburg i. Br."], &["79098", "79106", "79111"], "761"),
    City::new("Würzburg", &["Wuerzburg"], &["97070", "97076", "97082"], "931"),
    City::new("Bielefeld", &[], &["33602", "33609", "33719"], "521"),
    City::new("Karlsruhe", &[], &["76131", "76133", "76185"], "721"),
    City::new("Chemnitz", &[], &["09111", "09113", "09126"], "371"),
    City::new("Kassel", &[], &["34117", "34119", "34123"], "561"),
    City::new("Ulm", &[], &["89073", "89075", "89079"], "731"),
    City::new("Paderborn", &[], &["33098", "33100", "33102"], "5251"),
    City::new("Gütersloh", &["Guetersloh"], &["33330", "33332", "33334"], "5241"),
    City::new("Heilbronn", &[], &["74072", "74074", "74076"], "7131"),
    City::new("Wolfsburg", &[], &["38440", "38442", "38448"], "5361"),
    City::new("Pforzheim", &[], &["75172", "75175", "75179"], "7231"),
    City::new("Jena", &[], &["07743", "07745", "07747"], "3641"),
    City::new("Erfurt", &[], &["99084", "99085", "99089"], "361"),
    City::new("Göttingen", &["Goettingen"], &["37073", "37075", "37079"], "551"),
    City::new("Lüneburg", &["Lueneburg"], &["21335", "21337", "21339"], "4131"),
    City::new("Fulda", &[], &["36037", "36039", "36043"], "661"),
    City::new("Siegen", &[], &["57072", "57074", "57076"], "271"),
];

/// Cities of AT.
#[rustfmt::skip]
pub const AT_CITIES: &[City] = &[
    City::new("Wien", &["Vienna"], &["1010", "1030", "1050", "1100", "1120", "1210", "1230"], "1"),
    City::new("Graz", &[], &["8010", "8020", "8041", "8055"], "316"),
    City::new("Linz", &[], &["4020", "4030", "4040"], "732"),
    City::new("Salzburg", &[], &["5020", "5023"], "662"),
    City::new("Innsbruck", &[], &["6020"], "512"),
    City::new("Klagenfurt am Wörthersee", &["Klagenfurt"], &["9020"], "463"),
    City::new("Villach", &[], &["9500"], "4242"),
    City::new("Wels", &[], &["4600"], "7242"),
    City::new("St. Pölten", &["Sankt Pölten", "St. Poelten"], &["3100"], "2742"),
    City::new("Dornbirn", &[], &["6850"], "5572"),
    City::new("Steyr", &[], &["4400"], "7252"),
    City::new("Wiener Neustadt", &[], &["2700"], "2622"),
    City::new("Bregenz", &[], &["6900"], "5574"),
    City::new("Leoben", &[], &["8700"], "3842"),
];

/// Cities of CH.
#[rustfmt::skip]
pub const CH_CITIES: &[City] = &[
    City::new("Zürich", &["Zurich", "Zuerich"], &["8001", "8002", "8005", "8048", "8050"], "44"),
    City::new("Genève", &["Geneva", "Genf", "Geneve"], &["1201", "1204", "1207"], "22")
    .speaking(Lang::Fr),
    City::new("Basel", &["Bâle"], &["4051", "4052", "4056"], "61"),
    City::new("Bern", &["Berne"], &["3011", "3008", "3014"], "31"),
    City::new("Lausanne", &[], &["1003", "1004", "1007"], "21").speaking(Lang::Fr),
    City::new("Luzern", &["Lucerne"], &["6003", "6004", "6005"], "41"),
    City::new("St. Gallen", &["Sankt Gallen", "St Gallen"], &["9000", "9008"], "71"),
    City::new("Winterthur", &[], &["8400", "8404"], "52"),
    City::new("Lugano", &[], &["6900"], "91").speaking(Lang::It),
    City::new("Zug", &[], &["6300"], "41"),
    City::new("Biel/Bienne", &["Biel", "Bienne"], &["2502"], "32"),
    City::new("Aarau", &[], &["5000"], "62"),
    City::new("Schaffhausen", &[], &["8200"], "52"),
    City::new("Neuchâtel", &["Neuchatel"], &["2000"], "32").speaking(Lang::Fr),
    City::new("Fribourg", &["Freiburg"], &["1700"], "26").speaking(Lang::Fr),
];

/// Cities of FR.
#[rustfmt::skip]
pub const FR_CITIES: &[City] = &[
    City::new("Paris", &[], &["75001", "75002", "75008", "75009", "75011", "75015", "75017"], "1"),
    City::new("Lyon", &[], &["69001", "69002", "69003", "69007"], "4"),
    City::new("Marseille", &[], &["13001", "13002", "13008"], "4"),
    City::new("Toulouse", &[], &["31000", "31100", "31200"], "5"),
    City::new("Nice", &[], &["06000", "06100", "06200"], "4"),
    City::new("Nantes", &[], &["44000", "44100", "44200"], "2"),
    City::new("Strasbourg", &["Straßburg"], &["67000", "67100", "67200"], "3"),
    City::new("Montpellier", &[], &["34000", "34070", "34090"], "4"),
    City::new("Bordeaux", &[], &["33000", "33100", "33300"], "5"),
    City::new("Lille", &[], &["59000", "59160", "59800"], "3"),
    City::new("Rennes", &[], &["35000", "35200", "35700"], "2"),
    City::new("Reims", &[], &["51100"], "3"),
    City::new("Saint-Étienne", &["Saint-Etienne", "St-Étienne", "St Etienne"], &["42000", "42100"], "4"),
    City::new("Le Havre", &[], &["76600", "76610", "76620"], "2"),
    City::new("Grenoble", &[], &["38000", "38100"], "4"),
    City::new("Dijon", &[], &["21000"], "3"),
    City::new("Angers", &[], &["49000", "49100"], "2"),
    City::new("Clermont-Ferrand", &["Clermont Ferrand"], &["63000", "63100"], "4"),
    City::new("Mulhouse", &["Mülhausen"], &["68100", "68200"], "3"),
    City::new("Orléans", &["Orleans"], &["45000"], "2"),
];

/// Cities of GB.
#[rustfmt::skip]
pub const GB_CITIES: &[City] = &[
    City::new("London", &[], &["EC1A 1BB", "EC2V 7HH", "SW1A 1AA", "W1D 3QU", "E14 5AB", "SE1 9SG", "N1 9GU", "WC2N 5DU"], "20"),
    City::new("Manchester", &[], &["M1 1AE", "M2 5DB", "M3 3EB", "M4 1HQ"], "161"),
    City::new("Birmingham", &[], &["B1 1BB", "B2 4QA", "B3 2HJ", "B4 6AT"], "121"),
    City::new("Leeds", &[], &["LS1 4DY", "LS1 5DL", "LS2 8JS"], "113"),
    City::new("Glasgow", &[], &["G1 1XQ", "G2 1DU", "G3 8AG"], "141"),
    City::new("Edinburgh", &[], &["EH1 1YZ", "EH2 2ER", "EH3 9QG"], "131"),
    City::new("Bristol", &[], &["BS1 4DJ", "BS1 6QF", "BS2 0JA"], "117"),
    City::new("Liverpool", &[], &["L1 8JQ", "L2 2PP", "L3 9AG"], "151"),
    City::new("Sheffield", &[], &["S1 2HE", "S1 4PF", "S3 7RD"], "114"),
    City::new("Cardiff", &["Caerdydd"], &["CF10 1EP", "CF10 3AT", "CF24 0AB"], "29"),
    City::new("Newcastle upon Tyne", &["Newcastle"], &["NE1 7RU", "NE1 4ST"], "191"),
    City::new("Nottingham", &[], &["NG1 5FS", "NG1 7FH"], "115"),
    City::new("Cambridge", &[], &["CB2 1TN", "CB1 2LA"], "1223"),
    City::new("Oxford", &[], &["OX1 1DP", "OX4 2JY"], "1865"),
    City::new("Reading", &[], &["RG1 1JX", "RG1 3BE"], "118"),
    City::new("Leicester", &[], &["LE1 5FQ", "LE1 6RL"], "116"),
    City::new("Southampton", &[], &["SO14 7DU", "SO15 1GA"], "23"),
    City::new("Belfast", &[], &["BT1 5GS", "BT2 8LA"], "28"),
];

/// Cities of US.
#[rustfmt::skip]
pub const US_CITIES: &[City] = &[
    City::new("New York", &["New York City", "NYC"], &["10001", "10017", "10036", "10004"], "212")
    .in_region("NY"),
    City::new("Chicago", &[], &["60601", "60606", "60611"], "312").in_region("IL"),
    City::new("Los Angeles", &["LA"], &["90012", "90017", "90071"], "213").in_region("CA"),
    City::new("Houston", &[], &["77002", "77010", "77056"], "713").in_region("TX"),
    City::new("Boston", &[], &["02108", "02110", "02116"], "617").in_region("MA"),
    City::new("San Francisco", &["SF"], &["94105", "94107", "94111"], "415")
    .in_region("CA"),
    City::new("Seattle", &[], &["98101", "98104", "98121"], "206").in_region("WA"),
    City::new("Atlanta", &[], &["30303", "30308", "30309"], "404").in_region("GA"),
    City::new("Denver", &[], &["80202", "80203"], "303").in_region("CO"),
    City::new("Miami", &[], &["33131", "33132"], "305").in_region("FL"),
    City::new("Dallas", &[], &["75201", "75202"], "214").in_region("TX"),
    City::new("Philadelphia", &[], &["19103", "19106"], "215").in_region("PA"),
    City::new("Minneapolis", &[], &["55401", "55402"], "612").in_region("MN"),
    City::new("Detroit", &[], &["48226", "48201"], "313").in_region("MI"),
    City::new("Portland", &[], &["97204", "97205"], "503").in_region("OR"),
    City::new("Charlotte", &[], &["28202", "28204"], "704").in_region("NC"),
    City::new("Newark", &[], &["07102", "07105"], "973").in_region("NJ"),
    City::new("Hartford", &[], &["06103", "06106"], "860").in_region("CT"),
    City::new("Pittsburgh", &[], &["15222", "15219"], "412").in_region("PA"),
    City::new("Phoenix", &[], &["85004", "85003"], "602").in_region("AZ"),
    City::new("Cleveland", &[], &["44113", "44114"], "216").in_region("OH"),
    City::new("Columbus", &[], &["43215"], "614").in_region("OH"),
    City::new("Milwaukee", &[], &["53202"], "414").in_region("WI"),
];

/// Cities of NL.
#[rustfmt::skip]
pub const NL_CITIES: &[City] = &[
    City::new("Amsterdam", &[], &["1012 AB", "1012 JS", "1017 CE", "1043 DP", "1083 HN"], "20"),
    City::new("Rotterdam", &[], &["3011 AA", "3012 CL", "3016 DR", "3072 AP"], "10"),
    City::new("Den Haag", &["'s-Gravenhage", "The Hague"], &["2511 BT", "2514 EA", "2595 AN"], "70"),
    City::new("Utrecht", &[], &["3511 AA", "3512 JE", "3528 BJ"], "30"),
    City::new("Eindhoven", &[], &["5611 AA", "5612 AP", "5652 AL"], "40"),
    City::new("Groningen", &[], &["9711 AA", "9712 HW"], "50"),
    City::new("Tilburg", &[], &["5038 AA", "5038 CB"], "13"),
    City::new("Almere", &[], &["1315 AA", "1318 EW"], "36"),
    City::new("Breda", &[], &["4811 AA", "4811 XC"], "76"),
    City::new("Nijmegen", &[], &["6511 AA", "6511 LP"], "24"),
    City::new("Enschede", &[], &["7511 AA", "7511 JA"], "53"),
    City::new("Zwolle", &[], &["8011 AA", "8011 CW"], "38"),
    City::new("Maastricht", &[], &["6211 AA", "6211 CA"], "43"),
    City::new("Arnhem", &[], &["6811 AA", "6811 CG"], "26"),
    City::new("Haarlem", &[], &["2011 AA"], "23"),
];

/// Cities of ES.
#[rustfmt::skip]
pub const ES_CITIES: &[City] = &[
    City::new("Madrid", &[], &["28001", "28004", "28013", "28020", "28046"], "91"),
    City::new("Barcelona", &[], &["08001", "08002", "08008", "08036"], "93"),
    City::new("Valencia", &["València"], &["46001", "46002", "46010"], "96"),
    City::new("Sevilla", &["Seville"], &["41001", "41004", "41011"], "95"),
    City::new("Zaragoza", &[], &["50001", "50004"], "976"),
    City::new("Málaga", &["Malaga"], &["29001", "29005"], "952"),
    City::new("Bilbao", &[], &["48001", "48008"], "94"),
    City::new("Murcia", &[], &["30001", "30004"], "968"),
    City::new("Palma", &["Palma de Mallorca"], &["07001", "07003"], "971"),
    City::new("Valladolid", &[], &["47001", "47002"], "983"),
    City::new("A Coruña", &["La Coruña", "Coruna"], &["15001", "15003"], "981"),
    City::new("Alicante", &["Alacant"], &["03001", "03002"], "965"),
    City::new("Córdoba", &["Cordoba"], &["14001", "14002"], "957"),
    City::new("Vigo", &[], &["36201", "36202"], "986"),
    City::new("Gijón", &["Gijon"], &["33201", "33202"], "985"),
];

/// Cities of IT.
#[rustfmt::skip]
pub const IT_CITIES: &[City] = &[
    City::new("Milano", &["Milan"], &["20121", "20122", "20123", "20124", "20135"], "02"),
    City::new("Roma", &["Rome"], &["00184", "00185", "00186", "00187", "00198"], "06"),
    City::new("Torino", &["Turin"], &["10121", "10122", "10128"], "011"),
    City::new("Napoli", &["Naples"], &["80133", "80134", "80142"], "081"),
    City::new("Bologna", &[], &["40121", "40122", "40126"], "051"),
    City::new("Firenze", &["Florence"], &["50122", "50123", "50129"], "055"),
    City::new("Genova", &["Genoa"], &["16121", "16124"], "010"),
    City::new("Venezia", &["Venice"], &["30121", "30124", "30171"], "041"),
    City::new("Verona", &[], &["37121", "37122"], "045"),
    City::new("Bari", &[], &["70121", "70122"], "080"),
    City::new("Padova", &["Padua"], &["35121", "35122"], "049"),
    City::new("Brescia", &[], &["25121", "25122"], "030"),
    City::new("Bergamo", &[], &["24121", "24122"], "035"),
    City::new("Modena", &[], &["41121", "41122"], "059"),
    City::new("Parma", &[], &["43121", "43122"], "0521"),
    City::new("Vicenza", &[], &["36100"], "0444"),
    City::new("Treviso", &[], &["31100"], "0422"),
];

/// Cities of PL.
#[rustfmt::skip]
pub const PL_CITIES: &[City] = &[
    City::new("Warszawa", &["Warsaw", "Warschau"], &["00-001", "00-950", "00-124", "02-566", "03-901"], "22"),
    City::new("Kraków", &["Krakow", "Cracow"], &["30-001", "31-005", "31-072", "30-552"], "12"),
    City::new("Łódź", &["Lodz"], &["90-001", "90-418", "91-002"], "42"),
    City::new("Wrocław", &["Wroclaw", "Breslau"], &["50-001", "50-077", "53-333"], "71"),
    City::new("Poznań", &["Poznan", "Posen"], &["60-001", "61-701", "61-894"], "61"),
    City::new("Gdańsk", &["Gdansk", "Danzig"], &["80-001", "80-831", "80-244"], "58"),
    City::new("Szczecin", &["Stettin"], &["70-001", "70-405"], "91"),
    City::new("Bydgoszcz", &[], &["85-001", "85-023"], "52"),
    City::new("Lublin", &[], &["20-001", "20-072"], "81"),
    City::new("Katowice", &["Kattowitz"], &["40-001", "40-098"], "32"),
    City::new("Białystok", &["Bialystok"], &["15-001", "15-062"], "85"),
    City::new("Gdynia", &[], &["81-001", "81-300"], "58"),
    City::new("Rzeszów", &["Rzeszow"], &["35-001", "35-064"], "17"),
    City::new("Toruń", &["Torun"], &["87-100"], "56"),
];

/// Cities of JP.
#[rustfmt::skip]
pub const JP_CITIES: &[City] = &[
    City::new("Tokyo", &["東京", "Tōkyō"], &["100-0005", "105-0011", "160-0023"], "3"),
    City::new("Osaka", &["大阪", "Ōsaka"], &["530-0001", "541-0041"], "6"),
    City::new("Nagoya", &["名古屋"], &["450-0002", "460-0008"], "52"),
    City::new("Yokohama", &["横浜"], &["220-0011", "231-0023"], "45"),
    City::new("Kobe", &["神戸"], &["650-0001"], "78"),
    City::new("Fukuoka", &["福岡"], &["810-0001"], "92"),
];

/// Cities of CN.
#[rustfmt::skip]
pub const CN_CITIES: &[City] = &[
    City::new("Shanghai", &["上海"], &["200120", "200002"], "21"),
    City::new("Beijing", &["北京", "Peking"], &["100020", "100600"], "10"),
    City::new("Shenzhen", &["深圳"], &["518000", "518048"], "755"),
    City::new("Guangzhou", &["广州", "Canton"], &["510620"], "20"),
    City::new("Suzhou", &["苏州"], &["215000"], "512"),
];
